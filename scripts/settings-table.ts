import { settingsSchema } from '../src/config';

// Prints the settings table of the README from the descriptions in src/config.ts.
const rows = Object.entries(settingsSchema.shape).map(([name, schema]) => {
  const s = schema as unknown as {
    description?: string;
    def?: { defaultValue?: unknown };
    _zod?: { def?: { defaultValue?: unknown } };
  };
  const def = s._zod?.def?.defaultValue;
  return `| \`${name}\` | ${def === undefined ? '—' : `\`${String(def)}\``} | ${s.description ?? ''} |`;
});
console.log(['| setting | default | meaning |', '|---|---|---|', ...rows].join('\n'));
