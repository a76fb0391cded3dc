// What the browser benchmarks share: the built site served on 127.0.0.1, Debian's
// Chromium, and a page with the engine loaded (the lexicon installed) for timing in wasm.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';

export const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Command-line flags `--name value` as an object. */
export const flags = () =>
  Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));

/** The middle value. */
export const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];

/** Serves dist/ on `port` and launches Chromium; `close()` stops both. */
export async function startSite(port) {
  const server = spawn('node', [path.join(repo, 'e2e/serve.mjs'), '--root', path.join(repo, 'dist'), '--port', String(port)]);
  await new Promise((r) => server.stdout.once('data', r));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
}

/** A page of the site with the engine's benchmark functions ready. */
export async function enginePage(site) {
  const page = await site.browser.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.tifa_bench_compare);
  await page.evaluate(async () => {
    const text = async (path) => (await fetch(path)).text();
    window.wasmBindings.tifa_bench_prepare(await text('lexicon.tsv'), await text('zh_words.txt'), await text('phrases.tsv'));
  });
  // The comparison worker's wasm (speed-optimised engine) as well, loaded into the page
  // through its no-modules loader, which declares the global `wasm_bindgen` (a script
  // binding, not a property of window).
  await page.addScriptTag({ url: 'tifa-worker.js' });
  await page.evaluate(async () => {
    /* global wasm_bindgen */
    await wasm_bindgen({ module_or_path: 'tifa-worker_bg.wasm' });
    wasm_bindgen.tifa_worker_lexicon(
      await (await fetch('lexicon.tsv')).text(),
      await (await fetch('zh_words.txt')).text(),
      await (await fetch('phrases.tsv')).text(),
    );
    window.tifaWorkerEngine = wasm_bindgen;
  });
  return page;
}
