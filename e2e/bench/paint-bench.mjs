// Paint and re-render timings of the built site in headless Chromium: how long from
// navigation to the first aligned rows on screen, and how long the page takes to show the
// result of an option change (view-only, and one that recomputes the comparison, in the
// worker for long pairs: timed until its result is painted), plus the
// timeline's first heat map. Medians of several runs; prints a Markdown table.
//
//   node e2e/bench/paint-bench.mjs [--runs 5]
import { flags, median, repo, startSite } from './harness.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = flags();
const runs = Number(args.runs ?? 5);
const corpus = process.env.TIFA_CORPUS ?? path.resolve(repo, 'seeds/corpus');

// The share-link hash of a bundled text (FNV-1a 64, first 8 hex digits), as src/corpus.rs.
function shortHash(text) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0').slice(0, 8);
}
const ref = (id) => ({ c: id, h: shortHash(fs.readFileSync(path.join(corpus, `${id}.txt`), 'utf8')) });
const link = (state) => `#v1.${zlib.deflateSync(Buffer.from(JSON.stringify(state)), { level: 9 }).toString('base64url')}`;

const pairs = [
  ['sample pair (first visit, no link)', null, null],
  ['cc19-4-zh / cc19-5-zh', 'cc19-4-zh', 'cc19-5-zh'],
  ['gwr2022-zh / gwr2023-zh', 'gwr2022-zh', 'gwr2023-zh'],
  ['congress19-zh / congress20-zh', 'congress19-zh', 'congress20-zh'],
];
const eight = ['congress19-zh', 'cc19-4-zh', 'cc19-5-zh', 'cc19-6-zh', 'ccdi19-6-zh', 'gwr2022-zh', 'congress20-zh', 'gwr2023-zh'];

const site = await startSite(4191);
const browser = site.browser;
const root = site.url;

/** Milliseconds from navigation start until `selector` is in the page. */
async function paintTime(url, selector) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction((sel) => document.querySelector(sel) && performance.now(), selector, { timeout: 60_000, polling: 'raf' });
  const ms = await handle.jsonValue();
  return { page, context, ms };
}

/** Milliseconds from an input event until the page has painted twice after it, and, when
 *  the change runs in the comparison worker, until its result is painted. */
async function changeTime(page, selector, apply, recompute = false) {
  return page.evaluate(async ({ selector, apply, recompute }) => {
    const el = document.querySelector(selector);
    const t0 = performance.now();
    if (apply === 'toggle') el.click();
    else { el.value = apply; el.dispatchEvent(new Event('change', { bubbles: true })); }
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    await frame();
    while (recompute && (document.querySelector('[data-testid=working]') || !document.querySelector('.rows .row'))) await frame();
    await frame();
    return performance.now() - t0;
  }, { selector, apply, recompute });
}

try {
  console.log(`Paint and re-render in Chromium ${browser.version()}, median of ${runs} runs (ms)`);
  console.log('| workload | link to first rows | hide routine (view only) | characters (recompute) |\n|---|---:|---:|---:|');
  for (const [name, a, b] of pairs) {
    const url = a ? `${root}${link({ a: ref(a), b: ref(b) })}` : root;
    const paint = [], view = [], recompute = [];
    for (let i = 0; i < runs; i++) {
      const { page, context, ms } = await paintTime(url, '.rows .row');
      paint.push(ms);
      view.push(await changeTime(page, '[data-testid=show-routine]', 'toggle'));
      recompute.push(await changeTime(page, '[data-testid=granularity]', 'character', true));
      await context.close();
    }
    console.log(`| ${name} | ${median(paint).toFixed(0)} | ${median(view).toFixed(0)} | ${median(recompute).toFixed(0)} |`);
  }
  const timeline = `${root}${link({ a: ref(eight[0]), b: ref(eight[1]), t: { d: eight.map(ref), on: true } })}`;
  const paint = [], tab = [];
  for (let i = 0; i < runs; i++) {
    const { page, context, ms } = await paintTime(timeline, '[data-testid=heat-map] tbody tr');
    paint.push(ms);
    tab.push(await changeTime(page, '[data-testid=tab-priorities]', 'toggle'));
    await context.close();
  }
  console.log(`\n| timeline | link to first heat map | to priority tab |\n|---|---:|---:|\n| eight Chinese documents | ${median(paint).toFixed(0)} | ${median(tab).toFixed(0)} |`);
} finally {
  await site.close();
}
