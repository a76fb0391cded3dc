// Priority lists written with dashes (issue 24, point 6): a speech's dashed points are a
// list of their own, matched with the other speech's list only when it is the same
// enumeration, and each item jumps to its row.
import { test, expect } from '@playwright/test';

test('a speech written in dashed points has its priority list, apart from another speech\'s different dashed enumeration', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('unga75-2020-en');
  await page.getByTestId('pick-B').selectOption('unga76-2021-en');
  await expect(page.getByTestId('title-B')).toContainText('Bolstering Confidence');
  const dashed = page.getByTestId('priorities-table').filter({ hasText: 'Staying committed to development as a priority' });
  await expect(dashed).toHaveCount(1);
  // B's dashed development principles are a new enumeration, not A's dashed points on the
  // pandemic moved up or down, though the alignment pairs two of their paragraphs (A's third
  // point's macro-policy coordination goes on in B's first principle): the rows show that,
  // the list claims no rank change.
  const first = dashed.locator('tr', { hasText: 'Staying committed to development as a priority' });
  await expect(first.locator('.rank-change')).toHaveText('new');
  await expect(page.getByTestId('priorities-table').filter({ hasText: 'Facing the virus' }).locator('.rank-change.dropped')).toHaveCount(4);
  await expect(page.locator('li.row', { hasText: 'Staying committed to development as a priority' })).toContainText('long-term control measures');
  // Labels are whole first sentences, not cut at a comma inside a series.
  await expect(page.getByTestId('priorities-table').first()).toContainText('more robust, greener and more balanced');
  await first.getByRole('button', { name: /Staying committed to development/ }).click();
  await expect(page.locator('.row.focused')).toBeInViewport();
});
