// Browser benchmark: times tifa's whole comparison in the release wasm, in headless
// Chromium, with performance.now around the engine call, and prints medians.
//
//   node e2e/bench/browser-bench.mjs [--runs 7] [--data DIR]
//
// Inputs: the sample pair, corpus pairs from seeds/corpus, and the generated workloads
// of ../shared/bench (DIR, or generated into a temporary folder with python3 when absent).
import { spawnSync } from 'node:child_process';
import { enginePage, flags, repo, startSite } from './harness.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = flags();
const runs = Number(args.runs ?? 7);
const corpus = process.env.TIFA_CORPUS ?? path.resolve(repo, 'seeds/corpus');
const benchDir = path.resolve(repo, '../shared/bench');

const read = (p) => fs.readFileSync(p, 'utf8');
const workloads = [
  ['sample pair (EN 12 KB)', read(path.join(repo, 'seeds/000_32d0b0de139dc88b.txt')), read(path.join(repo, 'seeds/001_demo_illustrative_edit.txt'))],
  ['cc19-4-zh / cc19-5-zh', read(path.join(corpus, 'cc19-4-zh.txt')), read(path.join(corpus, 'cc19-5-zh.txt'))],
  ['gwr2022-zh / gwr2023-zh', read(path.join(corpus, 'gwr2022-zh.txt')), read(path.join(corpus, 'gwr2023-zh.txt'))],
  ['congress19-zh / congress20-zh', read(path.join(corpus, 'congress19-zh.txt')), read(path.join(corpus, 'congress20-zh.txt'))],
];
let data = args.data;
if (!data && fs.existsSync(path.join(benchDir, 'gen/gen.py'))) {
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-bench-data-'));
  const gen = spawnSync('python3', [path.join(benchDir, 'gen/gen.py'), '--out', data], { stdio: 'inherit' });
  if (gen.status !== 0) data = undefined;
}
if (data) {
  for (const lang of ['en', 'zh']) {
    for (const scale of [1, 10, 100]) {
      for (const cls of ['r02', 'r20', 'unrel']) {
        const base = path.join(data, `${lang}_x${scale}_${cls}`);
        if (fs.existsSync(`${base}.a.txt`)) workloads.push([`${lang}_x${scale}_${cls}`, read(`${base}.a.txt`), read(`${base}.b.txt`)]);
      }
    }
  }
}

const site = await startSite(4190);
try {
  const page = await enginePage(site);
  console.log(`tifa whole comparison in wasm (Chromium ${site.browser.version()}), median of ${runs} runs after 2 warm-ups`);
  console.log('page build: the page\'s wasm (opt-level z), which compares up to 96 KB of text; worker build: the');
  console.log('comparison worker\'s wasm (opt-level 3), which compares anything larger');
  console.log('| workload | page build ms | worker build ms | rows |\n|---|---:|---:|---:|');
  for (const [name, a, b] of workloads) {
    const result = await page.evaluate(({ a, b, runs }) => {
      const time = (f) => {
        let rows = 0;
        for (let i = 0; i < 2; i++) rows = f(a, b);
        const times = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          rows = f(a, b);
          times.push(performance.now() - t);
        }
        times.sort((x, y) => x - y);
        return { median: times[Math.floor(times.length / 2)], rows };
      };
      return { page: time(window.wasmBindings.tifa_bench_compare), worker: time(window.tifaWorkerEngine.tifa_worker_bench) };
    }, { a, b, runs });
    console.log(`| ${name} | ${result.page.median.toFixed(1)} | ${result.worker.median.toFixed(1)} | ${result.page.rows} |`);
  }
  // The timeline issue's workload: the eight Chinese documents of the corpus, by date.
  const series = ['congress19-zh', 'cc19-4-zh', 'cc19-5-zh', 'cc19-6-zh', 'ccdi19-6-zh', 'gwr2022-zh', 'congress20-zh', 'gwr2023-zh'];
  const plenums = ['cc19-4-zh', 'cc19-5-zh', 'cc19-6-zh'];
  console.log('\ntifa timeline in wasm (target: eight Chinese documents under 300 ms)');
  console.log('| series | median ms | formulation rows |\n|---|---:|---:|');
  for (const [name, ids] of [['three plenums, 2019–2021', plenums], ['eight Chinese documents, 2017–2023', series]]) {
    const joined = ids.map((id) => read(path.join(corpus, `${id}.txt`))).join('\u001e');
    const result = await page.evaluate(({ joined, runs }) => {
      const f = window.wasmBindings.tifa_bench_timeline;
      let rows = 0;
      for (let i = 0; i < 2; i++) rows = f(joined);
      const times = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        rows = f(joined);
        times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      return { median: times[Math.floor(times.length / 2)], rows };
    }, { joined, runs });
    console.log(`| ${name} | ${result.median.toFixed(1)} | ${result.rows} |`);
  }
} finally {
  await site.close();
}
