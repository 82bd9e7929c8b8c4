import { expect, test } from '@playwright/test';
import { followNewestMailLink, freshPassword, signIn, signOut } from './support';

test('a Primary Contact invites a Staff person, who sets a password and signs in', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const person = { name: `Riley Staff ${stamp}`, email: `riley.${stamp}@example.org` };
  const password = freshPassword();

  await signIn(page, 'provider@example.org');
  await page.getByRole('link', { name: 'People', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  await page.getByRole('button', { name: 'Invite person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a person' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
  await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(person.email);
  await dialog.getByRole('combobox', { name: 'Roles', exact: true }).click();
  await page.getByRole('option', { name: 'Staff', exact: true }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: new RegExp(person.name) });
  await expect(row).toContainText('Invited');
  await expect(row).toContainText('Staff');
  await signOut(page);

  await followNewestMailLink(page, person.email, 'system access granted');
  await expect(page.getByRole('heading', { name: 'Welcome to OpenPARS' })).toBeVisible();
  await expect(page.getByText('Lakeside Medical Education Institute')).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Repeat new password', exact: true }).fill(password);
  await page.getByRole('checkbox', { name: 'I accept the terms of use' }).check();
  await page.getByRole('button', { name: 'Set password and sign in' }).click();

  // Accepting signs the person in and shows the provider's home page.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lakeside Medical Education Institute' }),
  ).toBeVisible();
  await signOut(page);

  await signIn(page, person.email, password);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lakeside Medical Education Institute' }),
  ).toBeVisible();
  await expect(page.getByText('Provider number')).toBeVisible();
});
