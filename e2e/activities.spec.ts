import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support';

// A provider reports an activity in the form, watches what is still missing shrink as the fields are
// filled, saves it, finds it again, corrects it and reads the change in its history.

/** A date `days` from today, as the date inputs take it (YYYY-MM-DD). */
function daysFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function choose(page: Page, field: string, option: string) {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a provider creates an activity, finds it, edits it and sees the change in its history', async ({
  page,
}) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const title = `Lipid Management Update ${stamp}`;
  const ownId = `E2E-${stamp}`;

  await signIn(page, 'provider@example.org');
  await page.getByRole('link', { name: 'Activities', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  // The demo provider already has activities in every status.
  await expect(page.getByRole('link', { name: 'Stroke Care Pathways (planning)' })).toBeVisible();

  await page.getByRole('link', { name: 'New activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New activity' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: 'Status if saved' });
  await expect(panel).toContainText('Cannot be saved yet');
  await expect(panel.getByRole('button', { name: 'D1 · Title' })).toBeVisible();

  // The draft fields: each one filled leaves the list.
  await page.getByRole('textbox', { name: 'Your activity ID', exact: true }).fill(ownId);
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await expect(panel.getByRole('button', { name: 'D1 · Title' })).toBeHidden();
  await choose(page, 'Format', 'C — Course');
  await expect(panel.getByRole('button', { name: 'D2 · Format' })).toBeHidden();
  await page.getByRole('textbox', { name: 'Start date', exact: true }).fill(daysFromToday(30));
  await page.getByRole('textbox', { name: 'End date', exact: true }).fill(daysFromToday(31));

  // Saveable now: a draft, with what an active activity still needs.
  await expect(panel).toContainText('Still missing for Active');
  const missing = panel.getByRole('list', { name: 'Missing requirements' });
  await expect(missing.getByRole('button', { name: 'A4 · Credits designated' })).toBeVisible();
  await expect(missing.getByRole('button', { name: 'A1 · Delivery method' })).toBeVisible();

  // A link in the list takes the person to the field.
  await missing.getByRole('button', { name: 'A4 · Credits designated' }).click();
  const credits = page.getByRole('textbox', { name: 'AMA PRA Category 1 Credits™ designated', exact: true });
  await expect(credits).toBeFocused();
  // The rules of the API run as the person types: 2.3 is not in steps of 0.25.
  await credits.fill('2.3');
  await expect(page.getByText('must be in steps of 0.25', { exact: false }).first()).toBeVisible();
  await credits.fill('2.5');
  await expect(missing.getByRole('button', { name: 'A4 · Credits designated' })).toBeHidden();

  await choose(page, 'Delivery method', 'In person');
  await expect(missing.getByRole('button', { name: 'A2 · City' })).toBeVisible();
  await page.getByRole('textbox', { name: 'City', exact: true }).fill('Chicago');
  await choose(page, 'State', 'Illinois (IL)');
  await page
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('Statins, PCSK9 inhibitors and new targets.');
  await page
    .getByRole('group', { name: 'Providership' })
    .getByRole('radio', { name: 'Directly provided' })
    .check();
  await page.getByRole('group', { name: 'List in CME Passport' }).getByRole('radio', { name: 'No' }).check();
  await expect(panel).toContainText('Nothing missing for Active');
  await expect(panel).toContainText('Active');

  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Active');
  const parsId =
    (
      await page
        .getByText(/^PARS ID \d+/)
        .first()
        .textContent()
    )?.match(/\d+/)?.[0] ?? '';
  expect(parsId).not.toBe('');

  // Found again by search, by its own ID.
  await page.getByRole('link', { name: '← All activities' }).click();
  await page.getByRole('searchbox', { name: 'Search activities' }).fill(ownId);
  await expect(page).toHaveURL(new RegExp(`q=${ownId}`));
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Stroke Care Pathways (planning)' })).toBeHidden();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Edit one field.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit activity ${parsId}` })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'AMA PRA Category 1 Credits™ designated', exact: true })
    .fill('3.75');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The history shows the edit, before → after.
  const history = page.getByRole('region', { name: 'Change history' });
  const change = history.getByRole('listitem').filter({ hasText: 'Changed by Pat Chen' });
  await expect(change).toBeVisible();
  const row = change.getByRole('row', { name: /Credits designated/ });
  await expect(row).toContainText('2.5');
  await expect(row).toContainText('3.75');
  await expect(history.getByRole('listitem').filter({ hasText: 'Created by Pat Chen' })).toBeVisible();
});
