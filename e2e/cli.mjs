// The command-line tool, for e2e tests that hold the page to it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The repository root. */
export const root = new URL('../', import.meta.url).pathname;

/** The CLI built by `cargo test` (debug) or `cargo build --release`, whichever is newer. */
function binary() {
  const built = ['target/debug/tifa', 'target/release/tifa']
    .map((p) => root + p)
    .filter((p) => fs.existsSync(p))
    .sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs);
  if (built.length === 0) throw new Error('no tifa binary: run cargo test or cargo build --release first');
  return built[0];
}

/** What `tifa compare seeds/corpus/<a>.txt seeds/corpus/<b>.txt --format json` prints, parsed. */
export function cliComparison(a, b) {
  const file = (id) => `${root}seeds/corpus/${id}.txt`;
  return JSON.parse(
    execFileSync(binary(), ['compare', file(a), file(b), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
}
