// What an upload template is, whatever it holds (formats.md §4.3): one data sheet whose header row names
// the columns, and the code lists those columns take their values from. The XLSX and CSV writers render
// this model; the activity template (and later the learner template) builds it from the schemas.

export type ListItem = { code: string; name: string };

/** A code list shown on the template's `Lists` sheet. */
export type TemplateList = { id: string; items: ListItem[] };

export type TemplateColumn = {
  /** The heading, exactly as the sheet reader expects it. */
  name: string;
  /** Words for the field, as the web app shows them. */
  label: string;
  /** How to write a value: "Yes or No", "Whole number", "Date: …". */
  type: string;
  /** What the field means and the rule it must meet (the schema's help text). */
  rule: string;
  /** One value is chosen from this list: a drop-down in the XLSX template. */
  choiceList?: string;
  /** Values are codes of these lists, several in one cell: named in the note, no drop-down. */
  codeLists?: string[];
  /** Cells hold text even when they look like numbers or dates (IDs keep leading zeros). */
  asText: boolean;
};

export type SheetTemplate = {
  /** The data sheet's name, which the XLSX reader looks for (formats.md §4.4). */
  sheetName: string;
  /** The download's file name without extension. */
  fileBase: string;
  columns: TemplateColumn[];
  lists: TemplateList[];
};

/** The cell note of a column's heading: label, type and rule, and where its codes are listed. */
export function columnNote(column: TemplateColumn): string {
  const lines = [column.label, `Type: ${column.type}`, column.rule];
  if (column.choiceList)
    lines.push(`Choose from the drop-down (list ${column.choiceList} on the Lists sheet).`);
  if (column.codeLists?.length) {
    const names = column.codeLists.join(', ');
    lines.push(`Codes: see list ${names} on the Lists sheet (unhide it to read it).`);
  }
  return lines.filter((l) => l !== '').join('\n');
}
