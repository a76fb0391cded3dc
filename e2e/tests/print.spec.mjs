// Paper: printing gives the whole comparison and every formulation and priority, without
// controls. The test prints to PDF, reads its text with pdftotext (poppler-utils) and
// counts the formulations in it against the comparison's own count.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const shots = new URL('../screenshots/', import.meta.url).pathname;

function pdfText(pdf) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-print-')), 'page.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the printout holds every formulation, every priority and every row', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  // On screen the table lists the changed formulations only (and at most 150), in a
  // scrolling box; "all" and "show the other …" list every one.
  const onScreen = await page.locator('.slogans tbody tr').count();
  await page.locator('.slogans-panel select').first().selectOption('all');
  const more = page.locator('.slogans-panel .more');
  if (await more.count()) await more.click();
  const total = await page.locator('.slogans tbody tr').count();
  const every = await page.locator('.slogans tbody .slogan-text').allTextContents();
  // Back to the changed ones (the table keeps what "show the other …" opened).
  await page.locator('.slogans-panel select').first().selectOption('changed');
  await expect(page.locator('.slogans tbody tr').nth(onScreen - 1)).toBeVisible();
  expect(onScreen).toBeLessThan(total);
  const rows = await page.locator('.rows > li.row').count();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  // Every formulation is in the printed table (whitespace aside: lines wrap there), which
  // runs from its column heads to the priorities' column heads.
  const start = text.indexOf('FORMULATION');
  const table = text.slice(start, text.indexOf('PRIORITY', start));
  expect(start).toBeGreaterThanOrEqual(0);
  const flat = table.replace(/\s+/g, '');
  // A long Chinese series wraps beside the status and count columns: it is found in the
  // printed Chinese text with the columns' Latin letters and digits left out.
  const chinese = flat.replace(/[\x00-\x7F]/g, '');
  const printed = (f) => {
    const bare = f.replace(/\s+/g, '');
    return flat.includes(bare) || (/[^\x00-\x7F]/.test(bare) && chinese.includes(bare.replace(/[\x00-\x7F]/g, '')));
  };
  const missing = every.filter((f) => !printed(f));
  console.log(`printed ${every.length - missing.length} of ${total} formulations (${onScreen} on screen)`);
  expect(every.length).toBe(total);
  expect(missing).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.options-bar', '.share-bar', '.panel-controls', '.jump-nav', '.doc-panel .picker']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  // The priority lists and the comparison's rows are all there too.
  expect(text).toContain('Priorities');
  expect(text).toContain('中国共产党第十九届中央委员会第五次全体会议');
  await page.screenshot({ path: `${shots}print.png`, fullPage: false });
});
