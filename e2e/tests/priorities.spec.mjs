// Priority lists written with dashes (issue 24, point 6): a speech's dashed points are a
// list, matched with the other speech's list, and each item jumps to its row.
import { test, expect } from '@playwright/test';

test('a speech written in dashed points has its priority list, matched by content', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('unga75-2020-en');
  await page.getByTestId('pick-B').selectOption('unga76-2021-en');
  await expect(page.getByTestId('title-B')).toContainText('Bolstering Confidence');
  const dashed = page.getByTestId('priorities-table').filter({ hasText: 'Staying committed to development as a priority' });
  await expect(dashed).toHaveCount(1);
  // B's first dashed point continues A's third ("comprehensive and long-term control measures").
  const first = dashed.locator('tr', { hasText: 'Staying committed to development as a priority' });
  await expect(first.locator('.rank-change')).toHaveText('↑2');
  await expect(first).toContainText('long-term control measures');
  // Labels are whole first sentences, not cut at a comma inside a series.
  await expect(page.getByTestId('priorities-table').first()).toContainText('more robust, greener and more balanced');
  await first.getByRole('button', { name: /Staying committed to development/ }).click();
  await expect(page.locator('.row.focused')).toBeInViewport();
});
