// Large comparisons run in a worker: the page shows their progress, stays responsive, and
// shows the result when it comes; a newer request replaces one still running.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const port = Number(process.env.TIFA_E2E_PORT ?? 4173);

// Two documents of about 1 MB each, from the bundled corpus: each is a run of reports,
// speeches and communiqués, and B has the next edition of each.
const EDITIONS = [
  ['congress19-zh', 'congress20-zh'],
  ['gwr2022-zh', 'gwr2023-zh'],
  ['cc19-4-zh', 'cc19-5-zh'],
  ['cc19-5-zh', 'cc19-6-zh'],
  ['unga75-2020-en', 'unga76-2021-en'],
  ['sco20-2020-en', 'sco21-2021-en'],
  ['g20-15-2020-en', 'g20-16-2021-en'],
];

/** Writes the two documents into the test's output folder and returns their paths. */
async function megabytePair(page, testInfo) {
  const text = async (id) => (await page.request.get(`corpus/${id}.txt`)).text();
  const editions = await Promise.all(EDITIONS.map(async ([a, b]) => [await text(a), await text(b)]));
  const build = (side) => {
    let out = '';
    while (Buffer.byteLength(out) < 1_000_000) out += editions.map((e) => e[side]).join('\n\n') + '\n\n';
    return out;
  };
  const files = [testInfo.outputPath('a.txt'), testInfo.outputPath('b.txt')];
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(files[0], build(0));
  fs.writeFileSync(files[1], build(1));
  return files;
}

async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
}

async function open(page, url = './') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  return errors;
}

test('two 1 MB documents compare in a worker while the page stays responsive', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = await open(page);
  const [a, b] = await megabytePair(page, testInfo);
  await watchLongTasks(page);
  // Files chosen by path: the browser reads them, not a script in the page.
  await page.getByTestId('file-A').setInputFiles(a);
  await page.getByTestId('file-B').setInputFiles(b);
  const working = page.getByTestId('working');
  await expect(working).toBeVisible();
  await expect(working).toContainText('in the background');
  await expect(working.locator('progress')).toBeVisible();
  // The page answers meanwhile: a view option changes at once.
  const before = Date.now();
  await page.getByLabel('Inline').check();
  expect(Date.now() - before).toBeLessThan(1000);
  await expect(page.getByLabel('Inline')).toBeChecked();
  // Progress moves on, then the comparison appears.
  await expect(working).toContainText(/Aligning|Comparing aligned|Finding|Matching/, { timeout: 30_000 });
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 60_000 });
  await expect(working).toHaveCount(0);
  await expect(page.locator('.rows > li').first()).toBeVisible();
  await expect(page.getByTestId('more-rows')).toBeVisible();
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.longTasks);
  console.log(`1 MB comparison: long tasks on the main thread ${JSON.stringify(tasks)} ms`);
  expect(Math.max(0, ...tasks)).toBeLessThan(200);
  // Too long for a link: the address holds no fragment, and copying says why.
  await page.waitForTimeout(500);
  expect(new URL(page.url()).hash).toBe('');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toContainText('too long to share as a link');
  // The storage keeps them: a reload comes back to the same comparison.
  await page.reload();
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('title-A')).toContainText('决胜全面建成小康社会');
  expect(errors).toEqual([]);
});

test('a newer pair replaces a comparison still running', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const errors = await open(page);
  const [a, b] = await megabytePair(page, testInfo);
  await page.getByTestId('file-A').setInputFiles(a);
  await page.getByTestId('file-B').setInputFiles(b);
  await expect(page.getByTestId('working')).toBeVisible();
  // Change both sides to small documents before the large comparison is done.
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.getByTestId('working')).toHaveCount(0);
  // The abandoned result never replaces the shown one.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await expect(page.locator('.rows > li')).not.toHaveCount(0);
  expect(await page.locator('.rows > li').count()).toBeLessThan(200);
  expect(errors).toEqual([]);
});

test('the congress reports compare in the worker under a sub-path too', async ({ page }) => {
  const errors = await open(page, `http://127.0.0.1:${port + 2}/tools/tifa/`);
  const requests = [];
  const warnings = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.getByTestId('pick-A').selectOption('congress19-zh');
  await page.getByTestId('pick-B').selectOption('congress20-zh');
  // The sample pair's summary is on screen until the reports are in and compared.
  await expect(page.getByTestId('title-A')).toContainText('十九');
  await expect(page.getByTestId('title-B')).toContainText('二十');
  await expect(page.getByTestId('working')).toBeVisible();
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 30_000 });
  // The worker and its loader came from the sub-path, and the worker did the work (had its
  // wasm failed to load, the page would have compared on its own and said so). The wasm's
  // own fetch may be answered from the browser's cache without a request event.
  expect(requests).toContain('/tools/tifa/compare-worker.js');
  expect(requests).toContain('/tools/tifa/tifa-worker.js');
  expect(warnings.join('\n')).not.toContain('instead of in a worker');
  expect(errors).toEqual([]);
});

test('when no worker can start, the page compares on its own', async ({ page }) => {
  // A browser that refuses to start workers.
  await page.addInitScript(() => {
    window.Worker = function Worker() {
      throw new Error('workers are disabled');
    };
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await open(page);
  await page.getByTestId('pick-A').selectOption('congress19-zh');
  await page.getByTestId('pick-B').selectOption('congress20-zh');
  // The sample pair's summary is already on screen: wait for the congress reports.
  await expect(page.getByTestId('title-A')).toContainText('十九');
  await expect(page.getByTestId('title-B')).toContainText('二十');
  await expect.poll(() => warnings.join('\n'), { timeout: 30_000 }).toContain('comparing on the page instead of in a worker');
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.rows > li').first()).toBeVisible();
});
