import type { Db } from '../platform/db/connect';

// decisions.md §18: small practice-area and content-area lists per certifying board and the REMS
// Blueprint sections, for demo instances. Real instances get theirs from board administrators.
const PRACTICE_AREAS: Record<string, [string, string][]> = {
  ABA: [
    ['ANES', 'Anesthesiology'],
    ['CCM', 'Critical Care Medicine'],
    ['PAIN', 'Pain Medicine'],
    ['PEDANES', 'Pediatric Anesthesiology'],
  ],
  ABIM: [
    ['IM', 'Internal Medicine'],
    ['CARD', 'Cardiovascular Disease'],
    ['GI', 'Gastroenterology'],
    ['ID', 'Infectious Disease'],
    ['ONC', 'Medical Oncology'],
  ],
  ABO: [
    ['OPH', 'Comprehensive Ophthalmology'],
    ['RETINA', 'Retina/Vitreous'],
    ['GLAUC', 'Glaucoma'],
  ],
  ABOHNS: [
    ['OTO', 'Otolaryngology'],
    ['SLEEP', 'Sleep Medicine'],
  ],
  ABOS: [
    ['GEN', 'General Orthopaedics'],
    ['SPORTS', 'Sports Medicine'],
    ['HAND', 'Surgery of the Hand'],
  ],
  ABP: [
    ['GP', 'General Pediatrics'],
    ['NEO', 'Neonatal-Perinatal Medicine'],
    ['PEM', 'Pediatric Emergency Medicine'],
  ],
  ABPath: [
    ['AP', 'Anatomic Pathology'],
    ['CP', 'Clinical Pathology'],
    ['DERM', 'Dermatopathology'],
  ],
  ABS: [
    ['GS', 'General Surgery'],
    ['VASC', 'Vascular Surgery'],
    ['PEDS', 'Pediatric Surgery'],
  ],
  ABTS: [
    ['CARD', 'Cardiac Surgery'],
    ['THOR', 'General Thoracic Surgery'],
    ['CHD', 'Congenital Heart Surgery'],
  ],
};
const CONTENT_AREAS: Record<string, [string, string][]> = {
  ABA: [
    ['BASIC', 'Basic Sciences'],
    ['CLIN', 'Clinical Sciences'],
    ['ORGAN', 'Organ-Based Basic and Clinical Sciences'],
    ['SPECIAL', 'Special Problems or Issues in Anesthesiology'],
  ],
};
const REMS_BLUEPRINT: [string, string][] = [
  ['BASICS', 'The basics of pain management'],
  ['ASSESSMENT', 'Creating the pain treatment plan'],
  ['NONPHARM', 'Nonpharmacologic therapies for pain'],
  ['NONOPIOID', 'Nonopioid pharmacologic analgesic therapies'],
  ['OPIOID', 'Opioid analgesic therapies'],
  ['OUD', 'Addiction medicine primer and opioid use disorder'],
];

export async function seedBoardLists(db: Db) {
  const rows: {
    ownerCode: string;
    list: 'PRACTICE_AREA' | 'CONTENT_AREA' | 'REMS_BLUEPRINT';
    code: string;
    name: string;
  }[] = [];
  for (const [board, items] of Object.entries(PRACTICE_AREAS))
    for (const [code, name] of items) rows.push({ ownerCode: board, list: 'PRACTICE_AREA', code, name });
  for (const [board, items] of Object.entries(CONTENT_AREAS))
    for (const [code, name] of items) rows.push({ ownerCode: board, list: 'CONTENT_AREA', code, name });
  for (const [code, name] of REMS_BLUEPRINT)
    rows.push({ ownerCode: 'FDA', list: 'REMS_BLUEPRINT', code, name });
  await db
    .insertInto('referenceListItems')
    .values(rows)
    .onConflict((oc) => oc.columns(['ownerCode', 'list', 'code']).doNothing())
    .execute();
}
