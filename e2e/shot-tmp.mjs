import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const server = spawn('node', ['e2e/serve.mjs', '--root', 'dist', '--port', '8123'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto('http://127.0.0.1:8123/');
await page.locator('.rows ins').first().waitFor();
const [a, b, y] = process.argv.slice(2);
if (a) {
  await page.getByTestId('pick-A').selectOption(a);
  await page.getByTestId('pick-B').selectOption(b);
  await page.waitForTimeout(1500);
}
const lines = await page.getByTestId('sentence-line').allTextContents();
console.log(lines.length, lines.slice(0, 12).join('\n'));
const first = page.getByTestId('sentence-line').nth(Number(y ?? 0));
await first.scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, -60));
await page.screenshot({ path: '/tmp/rows.png' });
await browser.close();
server.kill();
