import ExcelJS from 'exceljs';
import { columnNote, type SheetTemplate, type TemplateList } from './sheet-template';

// The XLSX rendering of a template (formats.md §4.3): the data sheet with the field names in row 1
// (frozen, each with a note), text format on ID and date columns, drop-downs fed from a hidden `Lists`
// sheet that holds every code list as code and name columns.

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const LISTS_SHEET = 'Lists';

/**
 * Rows that get the drop-downs. Excel stores a validation as one range whatever its size, but
 * spreadsheet libraries that load a whole workbook (exceljs among them) expand it cell by cell, so the
 * range is bounded; more rows still upload, without the drop-down.
 */
export const VALIDATED_ROWS = 10_000;

const TEXT_FORMAT = '@';

/** Spreadsheet column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetters(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** exceljs keeps range validations in `dataValidations`, which its type declarations leave out. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** Writes the lists two columns each (code, name); answers each list's code range for the drop-downs. */
function writeLists(sheet: ExcelJS.Worksheet, lists: readonly TemplateList[]): Map<string, string> {
  const ranges = new Map<string, string>();
  lists.forEach((list, i) => {
    const codeCol = 2 * i + 1;
    sheet.getCell(1, codeCol).value = list.id;
    sheet.getCell(1, codeCol + 1).value = `${list.id} (name)`;
    sheet.getColumn(codeCol).numFmt = TEXT_FORMAT;
    list.items.forEach((item, row) => {
      sheet.getCell(row + 2, codeCol).value = item.code;
      sheet.getCell(row + 2, codeCol + 1).value = item.name;
    });
    const letters = columnLetters(codeCol);
    ranges.set(list.id, `${LISTS_SHEET}!$${letters}$2:$${letters}$${list.items.length + 1}`);
  });
  return ranges;
}

export async function renderTemplateXlsx(template: SheetTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenPARS';
  const data = workbook.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = writeLists(lists, template.lists);
  const validations = (data as unknown as RangeValidations).dataValidations;

  template.columns.forEach((column, i) => {
    const index = i + 1;
    const sheetColumn = data.getColumn(index);
    sheetColumn.width = Math.min(Math.max(column.name.length + 2, 12), 50);
    if (column.asText) sheetColumn.numFmt = TEXT_FORMAT;
    const heading = data.getCell(1, index);
    heading.value = column.name;
    heading.font = { bold: true };
    // the heading stays general text whatever the column's format
    heading.numFmt = 'General';
    heading.note = columnNote(column);
    const range = column.choiceList ? ranges.get(column.choiceList) : undefined;
    if (range) {
      const letters = columnLetters(index);
      validations.add(`${letters}2:${letters}${VALIDATED_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: 'stop',
        // Excel refuses a workbook whose error title exceeds 32 characters, so not the column name
        errorTitle: 'Not in the list',
        error: `Choose a value from the list (${column.choiceList}), or leave the cell empty.`,
      });
    }
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
