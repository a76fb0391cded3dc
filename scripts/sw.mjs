// Trunk post_build hook: writes sw.js into the staged site with this build's identity
// (a hash of its files) and the list of its hashed assets, so each build has its own cache.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw.mjs: run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const root = path.dirname(new URL(import.meta.url).pathname);
// The engine as a library for other pages (tifa-engine*, embed-example*) is no part of the
// app: not cached.
const assets = fs
  .readdirSync(dir)
  .filter((f) => /\.(js|wasm|css|webmanifest|svg)$/.test(f) && f !== 'sw.js' && !/^(tifa-engine|embed-example)/.test(f))
  .sort();
const hash = createHash('sha256');
for (const f of [...assets, 'index.html', 'lexicon.tsv', 'phrases.tsv']) {
  if (fs.existsSync(path.join(dir, f))) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
}
const build = hash.digest('hex').slice(0, 16);
let sw = fs.readFileSync(path.join(root, '..', 'static', 'sw.js'), 'utf8');
sw = sw.replace("const BUILD = 'dev';", `const BUILD = '${build}';`).replace('const ASSETS = [];', `const ASSETS = ${JSON.stringify(assets)};`);
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`sw.mjs: build ${build}, ${assets.length} assets`);
