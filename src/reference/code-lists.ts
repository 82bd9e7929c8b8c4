// The code lists of spec/codes, by file name without extension.
export const CODE_LISTS = [
  'activity-types',
  'boards',
  'countries',
  'credit-types',
  'delivery-methods',
  'in-kind-types',
  'ja-professions',
  'outcome-measures',
  'provider-types',
  'rems-professions',
  'states',
] as const;
export type CodeListName = (typeof CODE_LISTS)[number];
