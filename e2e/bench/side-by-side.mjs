// Side by side: the anchor engines of ../shared/bench (jsdiff diffWords, diff-match-patch
// chars with semantic cleanup and a 1 s timeout, similar words natively) and tifa (its
// whole comparison natively, and its release wasm in headless Chromium, the page's build or
// the worker's as the app picks by size) on the same inputs
// in one run, with the ratios tifa / anchor. Prints a Markdown table for BENCHMARKS.md.
//
//   node e2e/bench/side-by-side.mjs [--runs 5] [--timeout 60]
//
// Needs: dist/ (trunk build --release), ../shared/bench, python3 (workload generator),
// cargo (tifa's timing example and the harness's `simbench`, built into target/).
import { spawnSync } from 'node:child_process';
import { enginePage, flags, repo, startSite } from './harness.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bench = path.resolve(repo, '../shared/bench');
const args = flags();
const runs = Number(args.runs ?? 5);
const timeoutS = Number(args.timeout ?? 60);

// The workloads of the performance issue's table.
const workloads = ['en_x1_r02', 'en_x1_r20', 'en_x100_r02', 'en_x100_r20', 'zh_x10_r20', 'en_x100_unrel', 'zh_x100_r20'];
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-side-by-side-'));
if (spawnSync('python3', [path.join(bench, 'gen/gen.py'), '--out', data], { stdio: 'ignore' }).status !== 0) {
  throw new Error('could not generate the workloads with ../shared/bench/gen/gen.py');
}
const files = (w) => [path.join(data, `${w}.a.txt`), path.join(data, `${w}.b.txt`)];

const build = (label, argv) => {
  const r = spawnSync('cargo', argv, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`cargo failed building ${label}`);
};
build('tifa time_compare', ['build', '--release', '--offline', '--example', 'time_compare']);
build('simbench', ['build', '--release', '--offline', '--manifest-path', path.join(bench, 'rs/Cargo.toml'), '--target-dir', path.join(repo, 'target/simbench')]);

/** Runs a command that prints one JSON line with `ms`; null on timeout or failure. */
function timed(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { timeout: timeoutS * 1000, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  if (r.status !== 0) return null;
  const line = r.stdout.trim().split('\n').pop();
  try { return JSON.parse(line).ms; } catch { return null; }
}
const nodeModules = path.join(repo, 'e2e/node_modules');
const anchor = (engine, [a, b]) =>
  timed('node', [path.join(bench, 'js/run_cell.js'), '--engine', engine, a, b, '--runs', String(runs), '--warmup', '1', '--budget-ms', '20000'], { NODE_PATH: nodeModules });
const similar = ([a, b]) => timed(path.join(repo, 'target/simbench/release/simbench'), [a, b, '--json', '--tok', 'words', '--alg', 'myers', '--runs', String(runs)]);
const tifaNative = ([a, b]) => timed(path.join(repo, 'target/release/examples/time_compare'), [a, b, String(runs)]);

const site = await startSite(4192);
const browser = site.browser;
try {
  const page = await enginePage(site);
  // As the app runs it: the page's wasm up to 96 KB of text, the worker's wasm past that.
  const tifaWasm = async ([a, b]) => page.evaluate(({ a, b, runs, inWorker }) => {
    const f = inWorker ? window.tifaWorkerEngine.tifa_worker_bench : window.wasmBindings.tifa_bench_compare;
    f(a, b);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      f(a, b);
      times.push(performance.now() - t);
    }
    return times.sort((x, y) => x - y)[times.length >> 1];
  }, { a: fs.readFileSync(a, 'utf8'), b: fs.readFileSync(b, 'utf8'), runs, inWorker: fs.statSync(a).size + fs.statSync(b).size > 96 * 1024 });

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Side by side on ${cpu} (${os.cpus().length} cores), node ${process.version}, Chromium ${browser.version()}; medians of ${runs} runs, ms (— = over ${timeoutS} s)`);
  console.log('| workload | jsdiff diffWords | dmp chars+semantic | similar words (native) | tifa native | tifa wasm | wasm / jsdiff | wasm / dmp | wasm / similar |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const fmt = (ms) => (ms === null ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const ratio = (x, y) => (x === null || y === null ? '—' : (x / y).toFixed(3));
  for (const w of workloads) {
    const f = files(w);
    if (!fs.existsSync(f[0])) continue;
    const jsdiff = anchor('jsdiff.diffWords', f);
    const dmp = anchor('dmp.chars.t1+semantic', f);
    const sim = similar(f);
    const native = tifaNative(f);
    const wasm = await tifaWasm(f);
    console.log(`| ${w} | ${fmt(jsdiff)} | ${fmt(dmp)} | ${fmt(sim)} | ${fmt(native)} | ${fmt(wasm)} | ${ratio(wasm, jsdiff)} | ${ratio(wasm, dmp)} | ${ratio(wasm, sim)} |`);
  }
} finally {
  await site.close();
  fs.rmSync(data, { recursive: true, force: true });
}
