import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './support';

// decisions.md §13: WCAG 2.2 AA, checked with axe on the pages a newcomer meets first.
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

test('public pages meet WCAG 2.2 AA', async ({ page }) => {
  for (const path of ['/login', '/forgot-password', '/outbox', '/help']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  }
});

test('signed-in pages meet WCAG 2.2 AA', async ({ page }) => {
  await signIn(page, 'accme@example.org');
  for (const path of ['/', '/providers', '/people', '/organization', '/audit', '/api-keys']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page);
  }
});
