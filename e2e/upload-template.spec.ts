import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './support';

// A provider downloads the activity upload template from the Uploads page, in Excel and CSV form
// (formats.md §4.3), to fill in and upload.

test('a provider downloads the activity template as Excel and as CSV', async ({ page }) => {
  await signIn(page, 'provider@example.org');
  await page.goto('/uploads');
  await expect(page.getByRole('heading', { level: 1, name: 'Uploads' })).toBeVisible();

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download template (Excel, .xlsx)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('openpars-activities-template.xlsx');
  // an XLSX file is a ZIP archive
  expect(
    fs
      .readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download template (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('openpars-activities-template.csv');
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFFproviderActivityId,parsActivityId,action,')).toBe(true);
});
