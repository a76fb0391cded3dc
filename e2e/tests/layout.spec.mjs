// The comparison first: on the first screen of a desktop and of a phone, in light and dark,
// the reader sees aligned rows with their marks; formulations and priorities are a glance
// away (a rail beside the rows on a wide screen, a jump button on a phone) and a click in
// them still goes to the place.
import { test, expect } from '@playwright/test';

const shots = new URL('../screenshots/', import.meta.url).pathname;

for (const [name, viewport] of [['desktop', { width: 1400, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`rows with their marks on the first screen (${name}, ${colorScheme})`, async ({ browser }) => {
      const page = await browser.newPage({ viewport, colorScheme });
      await page.goto('./');
      await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
      const firstMark = page.locator('.rows ins, .rows del').first();
      await expect(firstMark).toBeVisible();
      const rows = page.locator('.rows > li');
      expect(await rows.first().evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(viewport.height * 0.8);
      expect(await firstMark.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(viewport.height);
      await page.screenshot({ path: `${shots}first-screen-${name}-${colorScheme}.png` });
      await page.close();
    });
  }
}

test('on a wide screen the formulations sit beside the rows, and a click goes to the place', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  const rail = page.locator('.results > .findings');
  const rows = page.locator('.results .rows');
  const [r, c] = [await rail.boundingBox(), await rows.boundingBox()];
  expect(r.x).toBeGreaterThan(c.x + c.width - 1);
  await expect(rail).toBeInViewport();
  await page.locator('.slogan-link').first().click();
  await expect(page.locator('.row.focused')).toBeInViewport();
});

test('on a phone the formulations are one tap away', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.getByRole('button', { name: 'Formulations and priorities ↓' }).click();
  await expect(page.locator('.findings h2').first()).toBeInViewport();
  await page.locator('.slogan-link').first().click();
  await expect(page.locator('.row.focused')).toBeInViewport();
  await page.getByRole('button', { name: 'Documents ↓' }).click();
  await expect(page.getByTestId('pick-A')).toBeInViewport();
  await page.close();
});

test('a translated speech full of no-break spaces wraps like prose, and its formulations keep their counts in view', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('sco20-2020-en');
  await page.getByTestId('pick-B').selectOption('sco21-2021-en');
  await expect(page.getByTestId('title-B')).toContainText('Staying True to Our Founding Mission');
  await expect(page.getByTestId('working')).toHaveCount(0, { timeout: 15_000 });
  // The source puts U+00A0 between most words; shown as such, lines break only at the rest.
  const text = await page.locator('.results .rows').innerText();
  expect(text).toContain('We have intensified practical cooperation');
  expect(text).not.toContain('\u00a0');
  // Each formulation's count in B stands inside the panel, not pushed past its edge.
  const panel = await page.locator('.results > .findings').boundingBox();
  const count = await page.getByTestId('slogans-table').locator('tbody tr').first().locator('td').nth(3).boundingBox();
  expect(count.x + count.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
});
