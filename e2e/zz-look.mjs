import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto('http://127.0.0.1:8099/');
await page.locator('.rows ins').first().waitFor();
await page.getByTestId('mode-timeline').click();
for (const name of [/Congress reports/, /Government work reports/, /Discipline commission/]) {
  const t0 = Date.now();
  await page.getByRole('button', { name }).click();
  await page.getByTestId('heat-map').waitFor();
  await page.waitForTimeout(300);
  console.log(name, Date.now() - t0, 'ms');
  await page.screenshot({ path: `/tmp/shots/3${name.source.length % 10}-timeline.png` });
}
await browser.close();
