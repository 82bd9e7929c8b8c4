import { expect, test } from '@playwright/test';
import { expectNoViolations, signIn } from './support';

// decisions.md §13: WCAG 2.2 AA, checked with axe on the pages a newcomer meets first (the upload
// report page is scanned in the upload journey, which creates one).

test('public pages meet WCAG 2.2 AA', async ({ page }) => {
  for (const path of ['/login', '/forgot-password', '/outbox', '/help']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  }
});

test('signed-in pages meet WCAG 2.2 AA', async ({ page }) => {
  await signIn(page, 'accme@example.org');
  // /uploads: the archive import form of an accreditor administrator
  for (const path of [
    '/',
    '/providers',
    '/activities',
    '/uploads',
    '/people',
    '/organization',
    '/audit',
    '/api-keys',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  }
});

test('activity pages meet WCAG 2.2 AA', async ({ page }) => {
  await signIn(page, 'provider@example.org');
  for (const path of ['/activities', '/activities/new', '/help/activities', '/uploads', '/help/uploads']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  }

  // The form with its conditional parts open: supporters, an MOC registration, REMS and MIPS.
  await page.goto('/activities/new');
  await page
    .getByRole('group', { name: 'Commercial support received' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('combobox', { name: 'Register with a certifying board', exact: true }).click();
  await page.getByRole('option', { name: /^ABIM/ }).click();
  await page.getByRole('button', { name: 'Add board' }).click();
  await page.getByRole('checkbox', { name: 'This is a REMS activity' }).check();
  await page
    .getByRole('group', { name: 'Meets the MIPS Improvement Activity expectations' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('switch', { name: /Repeat this activity/ }).check();
  await page.waitForLoadState('networkidle');
  await expectNoViolations(page);

  // An activity's page with its history, and its edit form.
  await page.goto('/activities');
  await page.getByRole('link', { name: 'Diabetes Care Symposium' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diabetes Care Symposium' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoViolations(page);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit activity/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoViolations(page);
});
