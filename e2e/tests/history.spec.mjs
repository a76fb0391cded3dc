// Each formulation's record: when it first appeared in seventy years of work and congress
// reports and how many used it, from the phrase table (phrases.tsv), which the page fetches
// only after the first comparison is on screen.
import { test, expect } from '@playwright/test';
import { holdBack } from '../slow-network.mjs';

const shots = new URL('../screenshots/', import.meta.url).pathname;

// The page's service worker would fetch the phrase table past the routes these tests set.
test.use({ serviceWorkers: 'block' });

/** The formulations table filtered to `text`. */
async function findFormulation(page, text) {
  await page.getByRole('searchbox', { name: 'Search formulations' }).fill(text);
  return page.getByTestId('slogans-table').locator('tr', { hasText: text }).first();
}

test('an added formulation says when it first appeared and how many reports used it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('gwr2022-zh');
  await page.getByTestId('pick-B').selectOption('gwr2023-zh');
  const row = await findFormulation(page, '科技自立自强');
  await expect(row.locator('.status')).toHaveText('added');
  await expect(row.getByTestId('slogan-history')).toHaveText('first in 2021 · 3 of 65 work and congress reports');
  // Drawn again with the table, the pickers still name both documents.
  await expect(page.getByTestId('pick-A')).toHaveValue('gwr2022-zh');
  await expect(page.getByTestId('pick-B')).toHaveValue('gwr2023-zh');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}history.png` });
});

test('a dropped formulation says "last seen" only of a year before the drop', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('gwr2016-zh');
  await page.getByTestId('pick-B').selectOption('gwr2017-zh');
  await page.getByTestId('slogans-table').waitFor();
  // Dropped in 2017, used again until 2022: the record gives its span, not "last seen 2022".
  const row = await findFormulation(page, '质量强国');
  await expect(row.locator('.status')).toHaveText('dropped');
  await expect(row.getByTestId('slogan-history')).toHaveText('in use 2016–2022 · 4 of 65 work and congress reports');
});

test('an English rendering carries the record of its Chinese form and names it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('apec27-2020-en');
  await page.getByTestId('pick-B').selectOption('apecretreat-2021-en');
  const row = await findFormulation(page, 'people-centered');
  await expect(row.getByTestId('slogan-history')).toHaveText(
    'first in 2012 · 10 of 65 work and congress reports (as 以人民为中心)',
  );
});

test('a large pair compared in the worker has the record too', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('congress19-zh');
  await page.getByTestId('pick-B').selectOption('congress20-zh');
  const row = await findFormulation(page, '伟大建党精神');
  await expect(row.getByTestId('slogan-history')).toHaveText('first in 2022 · 3 of 65 work and congress reports', {
    timeout: 15_000,
  });
});

test('the first comparison does not wait for the phrase table', async ({ page }) => {
  const release = await holdBack(page, '**/phrases.tsv');
  await page.goto('./');
  // Rows and formulations are drawn while the table is still on its way ...
  await expect(page.locator('.rows .row').first()).toBeVisible();
  await expect(page.getByTestId('slogans-table')).toBeVisible();
  await expect(page.getByTestId('slogan-history')).toHaveCount(0);
  // ... and the records join them when it arrives.
  release();
  await expect(page.getByTestId('slogan-history').first()).toBeVisible();
});

test('without the phrase table the comparison stands and the page says what is missing', async ({ page }) => {
  await page.route('**/phrases.tsv', (route) => route.abort());
  await page.goto('./');
  await expect(page.locator('.rows .row').first()).toBeVisible();
  await expect(page.getByTestId('language-warning')).toContainText('Could not load the phrase table');
  await expect(page.getByTestId('slogans-table')).toBeVisible();
  await expect(page.getByTestId('slogan-history')).toHaveCount(0);
});
