// The page and the command line report the same formulations for the same pair: the page's
// JSON export against `tifa compare --format json`, with the phrase table loaded on both
// sides (the page fetches it; the CLI has it built in). One pair is large enough for the
// page's worker.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { cliComparison, root } from '../cli.mjs';

/** The corpus title of document `id`, as its MANIFEST states it. */
function corpusTitle(id) {
  const manifest = fs.readFileSync(`${root}seeds/corpus/MANIFEST.tsv`, 'utf8');
  const line = manifest.split('\n').find((l) => l.startsWith(`${id}\t`));
  return line.split('\t')[2];
}

/** Formulations as `status kind text count_a count_b history`, sorted. */
function rows(json) {
  return json.slogans
    .map((s) => [s.status, s.kind, s.text, s.count_a, s.count_b, JSON.stringify(s.history)].join(' '))
    .sort();
}

for (const [a, b] of [
  ['cc19-3-zh', 'cc19-4-zh'],
  ['unga75-2020-en', 'unga76-2021-en'],
  ['gwr2022-zh', 'gwr2023-zh'],
]) {
  test(`${a} → ${b}: the page's formulations are the CLI's`, async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('pick-A').selectOption(a);
    await page.getByTestId('pick-B').selectOption(b);
    // The picked documents are fetched before they are compared: until both titles show,
    // the page still shows the sample, whose formulations have records too.
    await expect(page.getByTestId('title-A')).toContainText(corpusTitle(a));
    await expect(page.getByTestId('title-B')).toContainText(corpusTitle(b));
    await expect(page.getByTestId('working')).toHaveCount(0, { timeout: 15_000 });
    // The phrase table has arrived and the comparison was drawn again with it.
    await expect(page.getByTestId('slogan-history').first()).toBeVisible({ timeout: 15_000 });
    const download = page.waitForEvent('download');
    await page.getByTestId('export').selectOption('json');
    const exported = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
    const printed = cliComparison(a, b);
    expect(exported.slogans.length).toBeGreaterThan(20);
    expect(rows(exported)).toEqual(rows(printed));
  });
}
