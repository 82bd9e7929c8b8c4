import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoViolations, signIn, signOut } from './support';

// Archive imports (formats.md §3.7): an ACCME administrator loads a provider's legacy PARS file from the
// Uploads page, sees the rows added and the upload marked as an archive import; the provider then finds
// the same upload in its own list. Provider Activity IDs carry a timestamp so that a rerun against the
// same database neither collides with earlier records nor trips the duplicate-file check.

const LAKESIDE = 'Lakeside Medical Education Institute';

/** Two Template D rows of the 2016 sample, with fresh Provider Activity IDs (column 3). */
function legacyFile(stamp: string): string {
  const sample = readFileSync(
    new URL('../src/modules/uploads/formats/fixtures/activities-templateD-2016-valid.txt', import.meta.url),
    'utf8',
  );
  const rows = sample
    .split(/\r?\n/)
    .slice(0, 2)
    .map((line, i) => {
      const columns = line.split('\t');
      columns[2] = `AR-${stamp}-${i + 1}`;
      return columns.join('\t');
    });
  return `${rows.join('\r\n')}\r\n`;
}

test('an ACCME administrator imports a provider’s archive, and the provider sees the upload', async ({
  page,
}) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const fileName = `archive-${stamp}.txt`;
  await signIn(page, 'accme@example.org');
  await page.getByRole('link', { name: 'Uploads', exact: true }).first().click();
  await expect(page).toHaveURL(/\/uploads$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Import a provider’s archive' })).toBeVisible();

  // The provider is required: the form says so before sending anything, and puts the cursor there.
  await page.getByLabel('File to upload', { exact: true }).setInputFiles({
    name: fileName,
    mimeType: 'text/plain',
    buffer: Buffer.from(legacyFile(stamp), 'utf8'),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose the provider' })).toBeVisible();
  const provider = page.getByRole('combobox', { name: 'Provider', exact: true });
  await expect(provider).toBeFocused();
  await expect(page).toHaveURL(/\/uploads$/);
  await expectNoViolations(page);

  await provider.fill('Lakeside');
  await page.getByRole('option', { name: new RegExp(`^${LAKESIDE} \\(\\d{7}\\)$`) }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose the provider' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Upload: ${fileName}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Archive import', { exact: true })).toBeVisible();
  await expect(page.getByText(`Archive import for ${LAKESIDE}`)).toBeVisible();
  await expect(page.getByTestId('count-ADDED')).toHaveText('2');
  await expect(page.getByTestId('count-REJECTED')).toHaveText('0');
  // An accreditor reads the activity it loaded: the key opens its page.
  const rows = page.getByRole('table', { name: 'Rows of the file' });
  await expect(rows.getByRole('link', { name: `AR-${stamp}-1` })).toHaveAttribute(
    'href',
    /\/activities\/\d+$/,
  );
  await expectNoViolations(page);

  // The importer's list names the provider.
  await page.getByRole('link', { name: '← All uploads' }).click();
  const listed = page
    .getByRole('table', { name: 'Recent uploads' })
    .getByRole('row')
    .filter({ hasText: fileName });
  await expect(listed).toContainText(LAKESIDE);

  // The provider finds the upload in its own list, marked as an archive import.
  await signOut(page);
  await signIn(page, 'provider@example.org');
  await page.getByRole('link', { name: 'Uploads', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uploads' })).toBeVisible();
  const theirs = page
    .getByRole('table', { name: 'Recent uploads' })
    .getByRole('row')
    .filter({ hasText: fileName });
  await expect(theirs).toContainText('Archive import');
  await theirs.getByRole('link', { name: fileName }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Upload: ${fileName}` })).toBeVisible();
  await expect(page.getByTestId('count-ADDED')).toHaveText('2');
});
