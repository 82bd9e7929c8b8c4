import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations, signIn } from './support';

// Issue "Activities" journey: a provider uploads a sheet with mistakes, reads the report, fixes one
// activity in the form from the report's link, corrects the file, uploads it again and sees it clean
// (formats.md §4.1, §8). Dates lie next year so every row aims at Active whatever today is.

const HEADER =
  'providerActivityId,title,format,deliveryMethod,startDate,endDate,creditsDesignated,description,providership,listInPassport,city,state,country';
const year = new Date().getFullYear() + 1;
const FIXED_DESCRIPTION = 'Asthma guidelines and inhaler technique.';

function sheet(stamp: string, fixed: boolean): string {
  return [
    HEADER,
    `UP-${stamp}-1,Sepsis Bundle Workshop ${stamp},C,IN_PERSON,${year}-03-01,${year}-03-01,2,Hands-on sepsis care.,DIRECT,No,Austin,TX,USA`,
    // no description: saved, but below Active
    `UP-${stamp}-2,Asthma Update ${stamp},C,IN_PERSON,${year}-04-01,${year}-04-01,1.5,${fixed ? FIXED_DESCRIPTION : ''},DIRECT,No,Boston,MA,USA`,
    // an unknown state: rejected, nothing saved
    `UP-${stamp}-3,Stroke Pathways ${stamp},C,IN_PERSON,${year}-05-01,${year}-05-01,1,Stroke care.,DIRECT,No,Denver,${fixed ? 'CO' : 'XX'},USA`,
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

test('a provider uploads a sheet with mistakes, fixes an activity in the form and the file, and uploads it clean', async ({
  page,
}) => {
  const stamp = Date.now().toString(36).toUpperCase();
  await signIn(page, 'provider@example.org');
  await page.getByRole('link', { name: 'Uploads', exact: true }).first().click();
  await expect(page).toHaveURL(/\/uploads$/);

  await upload(page, `activities-${stamp}.csv`, sheet(stamp, false));
  await expect(page.getByTestId('count-REJECTED')).toHaveText('1');
  await expect(page.getByTestId('count-SAVED_WITH_LOWER_STATUS')).toHaveText('1');
  const rows = page.getByRole('table', { name: 'Rows of the file' });
  const rejected = rows.getByRole('row').filter({ hasText: `UP-${stamp}-3` });
  await expect(rejected).toContainText('Rejected');
  await expect(rejected).toContainText('ACT-STATE-CODE');
  await expect(rejected).toContainText('XX');
  await expect(page.getByRole('link', { name: 'Download report (CSV)' })).toHaveAttribute(
    'href',
    /\/report\.csv$/,
  );
  await expectNoViolations(page);

  // Only the rejected rows.
  await page.getByRole('combobox', { name: 'Show rows', exact: true }).click();
  await page.getByRole('option', { name: 'Rejected', exact: true }).click();
  await expect(rows.getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Show rows', exact: true }).click();
  await page.getByRole('option', { name: 'All outcomes', exact: true }).click();

  // The activity saved below Active: its link opens the form, where the description is added.
  const lower = rows.getByRole('row').filter({ hasText: `UP-${stamp}-2` });
  await expect(lower).toContainText('A description is needed');
  await lower.getByRole('link', { name: 'Fix this activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit activity \d+/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill(FIXED_DESCRIPTION);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Asthma Update ${stamp}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Active');

  // The file corrected the same way (the description, the state) and sent again: clean.
  await upload(page, `activities-${stamp}-fixed.csv`, sheet(stamp, true));
  await expect(page.getByTestId('count-REJECTED')).toHaveText('0');
  await expect(page.getByTestId('count-SAVED_WITH_LOWER_STATUS')).toHaveText('0');
  await expect(page.getByTestId('count-UNCHANGED')).toHaveText('2');
  await expect(page.getByTestId('count-ADDED')).toHaveText('1');

  // Both uploads are listed.
  await page.getByRole('link', { name: '← All uploads' }).click();
  await expect(page.getByRole('link', { name: `activities-${stamp}.csv` })).toBeVisible();
  await expect(page.getByRole('link', { name: `activities-${stamp}-fixed.csv` })).toBeVisible();
});
