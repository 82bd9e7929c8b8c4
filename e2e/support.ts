import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Steps shared by the journeys. They act the way a person does: through labels, roles and visible text.

export const DEMO_PASSWORD = 'openpars-demo';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account menu for / })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in to OpenPARS' })).toBeVisible();
}

/** Opens the outbox, the newest message to `to` with `subject`, and follows its first link. */
export async function followNewestMailLink(page: Page, to: string, subject: string): Promise<void> {
  await page.goto('/outbox');
  await page.getByRole('textbox', { name: 'Recipient', exact: true }).fill(to);
  const newest = page.getByRole('button', { name: new RegExp(subject) }).first();
  await expect(newest).toBeVisible();
  await newest.click();
  const link = page.getByRole('region').getByRole('link').first();
  await expect(link).toBeVisible();
  await link.click();
}

/** The whole reset journey: ask for a link, follow it from the outbox, choose `password`. */
export async function resetPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/forgot-password');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await followNewestMailLink(page, email, 'reset your password');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Repeat new password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
}

/** A password nobody else uses, long enough for the rules and not a common one. */
export function freshPassword(): string {
  return `e2e-${Date.now().toString(36)}-Harbor-Lantern`;
}

/** decisions.md §13: WCAG 2.2 AA, checked with axe. */
export async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}
