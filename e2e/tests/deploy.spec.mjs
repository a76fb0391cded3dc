// The built site works from a sub-path, offline after the first visit, and picks up a newly
// published build.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.TIFA_E2E_PORT ?? 4173);
const dist = new URL('../../dist/', import.meta.url).pathname;

test('the main flow works under a sub-path', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port + 2}/tools/tifa/`);
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  expect(page.url()).toContain('/tools/tifa/#v1.');
  expect(errors).toEqual([]);
});

async function workerReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('after the first visit the site loads and compares offline', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await workerReady(page);
  await context.setOffline(true);
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await context.close();
});

test('a newly published build is picked up', async ({ browser }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-site-'));
  fs.cpSync(dist, root, { recursive: true });
  const sitePort = port + 4;
  const server = spawn('node', [new URL('../serve.mjs', import.meta.url).pathname, '--root', root, '--port', String(sitePort)]);
  try {
    await new Promise((r) => server.stdout.once('data', r));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${sitePort}/`);
    await expect(page.locator('.rows ins').first()).toBeVisible();
    await workerReady(page);
    // Publish a "new build": a changed page and a worker with a new cache name.
    const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
    fs.writeFileSync(path.join(root, 'index.html'), html.replace('<title>tifa', '<title>tifa (new build)'));
    const sw = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
    fs.writeFileSync(path.join(root, 'sw.js'), sw.replace(/const BUILD = '[^']*'/, "const BUILD = 'next-build'"));
    await page.reload();
    await expect(page).toHaveTitle(/new build/);
    await expect(page.locator('.rows ins').first()).toBeVisible();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect.poll(async () => page.evaluate(async () => (await caches.keys()).join(' ')), { timeout: 10_000 }).toContain('tifa-next-build');
    await context.close();
  } finally {
    server.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
