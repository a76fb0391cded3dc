// The engine as a JavaScript library (README, "Embedding the engine"): the example page
// loads the engine's own wasm (tifa-engine), and `compare` returns the object `tifa compare --format json`
// prints, field for field.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { cliComparison, root } from '../cli.mjs';

test('compare() of the embedded engine returns the CLI JSON as a plain object', async ({ page }) => {
  await page.goto('./embed-example.html');
  await page.waitForFunction(() => window.tifaReady === true);
  const [a, b] = ['cc19-4-zh', 'cc19-5-zh'];
  const texts = [a, b].map((id) => fs.readFileSync(`${root}seeds/corpus/${id}.txt`, 'utf8'));
  const embedded = await page.evaluate(
    ([x, y, ta, tb]) => window.tifa.compare(x, y, { title_a: ta, title_b: tb }),
    [texts[0], texts[1], `${a}.txt`, `${b}.txt`],
  );
  const printed = cliComparison(a, b);
  expect(embedded.schema).toBe('tifa.comparison/1');
  expect(embedded).toEqual(printed);
});

test('the example page compares what is typed and lists the formulations', async ({ page }) => {
  await page.goto('./embed-example.html');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('#formulations li', { hasText: '新发展格局' })).toContainText('added');
});

test('a timeline of three documents comes back in the CLI schema', async ({ page }) => {
  await page.goto('./embed-example.html');
  await page.waitForFunction(() => window.tifaReady === true);
  const docs = ['cc19-4-zh', 'cc19-5-zh', 'cc19-6-zh'].map((id) => ({
    label: id,
    title: id,
    text: fs.readFileSync(`${root}seeds/corpus/${id}.txt`, 'utf8'),
  }));
  const t = await page.evaluate((d) => window.tifa.timeline(d), docs);
  expect(t.schema).toBe('tifa.timeline/1');
  expect(t.documents.map((d) => d.label)).toEqual(['cc19-4-zh', 'cc19-5-zh', 'cc19-6-zh']);
  const row = t.slogans.find((s) => s.text === '全过程人民民主');
  expect(row.counts).toEqual([0, 0, 2]);
  await expect(page.evaluate(() => window.tifa.compare('a', 'b', { granularity: 'syllable' }))).rejects.toThrow(/options/);
});
