import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  followNewestMailLink,
  freshPassword,
  resetPassword,
  signIn,
  signOut,
} from './support';

test('a person who forgot their password resets it from the emailed link', async ({ page }) => {
  const email = 'provider2@example.org';
  const password = freshPassword();

  await page.goto('/login');
  await page.getByRole('link', { name: "Can't log in or forgot your password?" }).click();
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  await followNewestMailLink(page, email, 'reset your password');
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();

  // A weak password is refused with the reason under the field.
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('short');
  await page.getByRole('textbox', { name: 'Repeat new password', exact: true }).fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();

  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Repeat new password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Hill Country Regional Hospital' })).toBeVisible();
  await signOut(page);

  // The link worked once.
  await page.goBack();
  await followNewestMailLink(page, email, 'reset your password');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Repeat new password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();

  // Leave the demo account as we found it: the other journeys sign in with the demo password.
  await resetPassword(page, email, DEMO_PASSWORD);
  await signIn(page, email);
});
