import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support';

// A provider uploads a sheet of activities, reads why one row was rejected, fixes the file and uploads it
// again with nothing rejected (formats.md §4.1, §8).

const HEADER =
  'providerActivityId,title,format,deliveryMethod,startDate,endDate,creditsDesignated,description,providership,listInPassport,city,state,country';

function sheet(stamp: string, badState: string): string {
  return [
    HEADER,
    `UP-${stamp}-1,Sepsis Bundle Workshop ${stamp},C,IN_PERSON,2025-03-01,2025-03-01,2,Hands-on sepsis care.,DIRECT,No,Austin,TX,USA`,
    `UP-${stamp}-2,Asthma Update ${stamp},C,IN_PERSON,2025-04-01,2025-04-01,1.5,Asthma guidelines.,DIRECT,No,Boston,${badState},USA`,
  ].join('\n');
}

async function upload(page: Page, name: string, content: string) {
  await page.goto('/uploads');
  await expect(page.getByRole('heading', { level: 1, name: 'Uploads' })).toBeVisible();
  await page.getByLabel('File to upload', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Upload: ${name}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible({ timeout: 30_000 });
}

test('a provider uploads a sheet, reads the rejected row, fixes the file and uploads it again', async ({
  page,
}) => {
  const stamp = Date.now().toString(36).toUpperCase();
  await signIn(page, 'provider@example.org');
  await page.getByRole('link', { name: 'Uploads', exact: true }).first().click();
  await expect(page).toHaveURL(/\/uploads$/);

  await upload(page, `activities-${stamp}.csv`, sheet(stamp, 'XX'));
  await expect(page.getByTestId('count-REJECTED')).toHaveText('1');
  const rows = page.getByRole('table', { name: 'Rows of the file' });
  const rejected = rows.getByRole('row').filter({ hasText: `UP-${stamp}-2` });
  await expect(rejected).toContainText('Rejected');
  await expect(rejected).toContainText('ACT-STATE-CODE');
  await expect(rejected).toContainText('XX');
  await expect(page.getByRole('link', { name: 'Download report (CSV)' })).toHaveAttribute(
    'href',
    /\/report\.csv$/,
  );

  // Only the rejected rows.
  await page.getByRole('combobox', { name: 'Show rows', exact: true }).click();
  await page.getByRole('option', { name: 'Rejected', exact: true }).click();
  await expect(rows.getByRole('row')).toHaveCount(2);

  // The rejected row saved nothing: fix the file and upload it again.
  await upload(page, `activities-${stamp}-fixed.csv`, sheet(stamp, 'MA'));
  await expect(page.getByTestId('count-REJECTED')).toHaveText('0');
  await expect(page.getByRole('table', { name: 'Rows of the file' })).not.toContainText('Rejected');

  // Both uploads are listed.
  await page.getByRole('link', { name: '← All uploads' }).click();
  await expect(page.getByRole('link', { name: `activities-${stamp}.csv` })).toBeVisible();
  await expect(page.getByRole('link', { name: `activities-${stamp}-fixed.csv` })).toBeVisible();
});
