// Normal use leaves the console clean: typing in a paste box, stepping through changes by
// keyboard (n, p, s, ?, Escape), switching views and filters, picking documents. Any error
// or warning the page logs fails the test (a passive keydown listener once logged "Unable
// to preventDefault inside passive event listener invocation" at every key press).
import { test, expect } from '@playwright/test';

test('typing, keyboard navigation and view changes log no console error or warning', async ({ page }) => {
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logged.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['n', 'n', 'p', 'j', 'k', 's', 's', 'F7', '?', 'Escape']) {
    await page.keyboard.press(key);
  }
  await expect(page.locator('.row.focused')).toHaveCount(1);
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  for (const key of ['n', 'n', 'n', 'p']) await page.keyboard.press(key);
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').pressSequentially('全会认为，形势很好。\n全会强调，要推进改革。', { delay: 5 });
  await expect(page.getByTestId('title-A')).toHaveText('Pasted text');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (const key of ['n', 'p', '?', 'Escape']) await page.keyboard.press(key);
  await page.waitForTimeout(500);
  expect(logged).toEqual([]);
});
