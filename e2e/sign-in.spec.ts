import { expect, test } from '@playwright/test';
import { signIn, signOut } from './support';

// Every demo account signs in, lands on the home page for its kind of user, and signs out.
const DEMO_USERS = [
  {
    email: 'accme@example.org',
    heading: 'Accreditation Council for Continuing Medical Education',
    shows: 'Your providers',
  },
  { email: 'sms@example.org', heading: 'Texas Medical Association', shows: 'Your providers' },
  { email: 'provider@example.org', heading: 'Lakeside Medical Education Institute', shows: 'Accreditation' },
  { email: 'provider2@example.org', heading: 'Hill Country Regional Hospital', shows: 'Accreditation' },
  { email: 'board@example.org', heading: 'American Board of Internal Medicine', shows: 'Quick links' },
  { email: 'state-board@example.org', heading: 'Texas medical licensing board', shows: 'Quick links' },
  {
    email: 'physician@example.org',
    heading: 'Welcome, Dr. Maria Łukasiewicz',
    shows: 'CME Passport is coming',
  },
  { email: 'operator@example.org', heading: 'OpenPARS operator', shows: 'Quick links' },
] as const;

test.describe('signing in', () => {
  test('the sign-in page explains itself on a demo instance', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('Demo instance — not for real data')).toBeVisible();
    await expect(page.getByRole('link', { name: "Can't log in or forgot your password?" })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Help: Email' })).toBeVisible();
  });

  test('a wrong password shows the reason and keeps the person on the sign-in page', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('provider@example.org');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert', { name: 'Sign-in failed' })).toContainText('not correct');
    await expect(page).toHaveURL(/\/login/);
  });

  for (const user of DEMO_USERS) {
    test(`${user.email} sees their home page`, async ({ page }) => {
      await signIn(page, user.email);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('heading', { level: 1, name: user.heading })).toBeVisible();
      await expect(page.getByRole('heading', { name: user.shows, exact: true })).toBeVisible();
      await signOut(page);
      // Signed out means signed out: the home page asks to sign in again.
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
    });
  }
});
