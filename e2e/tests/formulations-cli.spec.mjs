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

/** The page's JSON export, parsed. */
async function exportJson(page) {
  const download = page.waitForEvent('download');
  await page.getByTestId('export').selectOption('json');
  return JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
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
    const printed = cliComparison(a, b);
    // The export is of the picked documents once the page has compared them with the table
    // (a large pair is compared in the worker, and until it answers the page may still hold
    // the sample, or the pair compared before the table arrived): ask again until then.
    let exported;
    await expect
      .poll(async () => {
        exported = await exportJson(page);
        return rows(exported);
      }, { timeout: 15_000 })
      .toEqual(rows(printed));
    expect(exported.slogans.length).toBeGreaterThan(20);
  });
}
