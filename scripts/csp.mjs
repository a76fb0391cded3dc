// Trunk post_build hook: adds a Content-Security-Policy to the built index.html.
//
// The policy allows nothing from other origins: scripts, styles, fonts, images and
// connections come from the site itself. Trunk's loader and the boot-message script are
// inline, so each is allowed by its SHA-256 hash, computed here from the built file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs: run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
// Chromium ignores `integrity` on a preload of destination "fetch" (the wasm) and warns on
// every visit; the module's own fetch of the wasm never carried it. Dropped there only.
html = html.replace(/<link rel="preload"([^>]*?) integrity="[^"]*"([^>]*as="fetch")/g, '<link rel="preload"$1$2');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
fs.writeFileSync(file, html);
console.log(`csp.mjs: policy with ${hashes.length} inline script hash(es)`);
