// Where alignment cannot be sure: an added or dropped section lists the other document's
// sections most like it, each a button to that section's row, and a pair whose sides share
// little says "weak match" and looks different (dashed edge) from a sure one.
import { test, expect } from '@playwright/test';

const shots = new URL('../screenshots/', import.meta.url).pathname;

/** Opens Xi's UN General Assembly statements of 2020 and 2021, two restructured speeches. */
async function openUnga(page) {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.getByTestId('pick-A').selectOption('unga75-2020-en');
  await page.getByTestId('pick-B').selectOption('unga76-2021-en');
  await expect(page.getByTestId('title-B')).toContainText('Bolstering Confidence');
  await expect(page.getByTestId('title-A')).toContainText('75th Session');
}

test('a dropped paragraph of a restructured speech points to where its words went', async ({ page }) => {
  await openUnga(page);
  const link = page.locator('.row.dropped [data-testid=closest-link]').first();
  await expect(link).toBeVisible();
  await expect(link.locator('xpath=..')).toContainText('closest in B:');
  const label = await link.textContent();
  const place = label.split(' · ')[0];
  expect(label).toMatch(/^¶\d+(·\d+)? · \d+% alike$/);
  await link.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${shots}closest.png` });
  await link.click();
  const focused = page.locator('.row.focused');
  await expect(focused).toHaveCount(1);
  await expect(focused.locator('.cell-b .loc')).toContainText(place);
  await expect(focused).toBeInViewport();
});

test('an extra copy of a repeated line says so, not "100% alike"', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.getByTestId('pick-A').selectOption('gwr2022-zh');
  await page.getByTestId('pick-B').selectOption('gwr2023-zh');
  const extra = page.locator('.row.added', { hasText: '各位代表' }).first();
  await expect(extra.getByTestId('closest')).toContainText('the same words stand in A as a repeated line');
  await expect(extra.getByTestId('closest')).not.toContainText('% alike');
});

test('a weak match says so and is drawn apart from sure pairs', async ({ page }) => {
  await openUnga(page);
  const weak = page.locator('.row.weak').first();
  await expect(weak).toBeVisible();
  await expect(weak.locator('.relation')).toContainText('weak match');
  const style = await weak.locator('.cell-a .text').evaluate((el) => getComputedStyle(el).borderLeftStyle);
  expect(style).toBe('dashed');
  const sure = page.locator('.row.reworded:not(.weak)').first();
  await expect(sure.locator('.relation')).not.toContainText('weak match');
});

test('a largely rewritten row marks the phrases both versions keep', async ({ page }) => {
  await openUnga(page);
  const rewritten = page.locator('.row', { has: page.locator('.relation', { hasText: 'largely rewritten' }) });
  await expect(rewritten.first()).toBeVisible();
  // No word diff in such a row, but what the two sides share is marked on both sides.
  await expect(rewritten.locator('ins, del')).toHaveCount(0);
  const shared = rewritten.locator('.cell-a mark.shared');
  await expect(shared.first()).toBeVisible();
  const phrase = (await shared.first().textContent()).trim();
  expect(phrase.split(/\s+/).length).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.legend')).toContainText('kept in a largely rewritten row');
  const row = rewritten.filter({ has: page.locator('.cell-a mark.shared') }).first();
  await row.scrollIntoViewIfNeeded();
  await row.screenshot({ path: `${shots}rewritten-shared.png` });
});
