// Loading files, persistence across reloads, and accessibility.
import { test, expect } from '@playwright/test';
import { holdBack } from '../slow-network.mjs';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = new URL('../screenshots/', import.meta.url).pathname;

async function ready(page) {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
}

test('the corpus picker can be searched', async ({ page }) => {
  await ready(page);
  const options = page.getByTestId('pick-A').locator('option');
  const all = await options.count();
  await page.getByTestId('search-A').fill('政府工作报告');
  // The seven work reports of the bundled corpus (2016–2019, 2021–2023; seeds/corpus).
  await expect(page.getByTestId('search-count-A')).toHaveText('7 titles');
  // Those seven, the document already picked, and the prompt.
  await expect(options).toHaveCount(9);
  await page.getByTestId('pick-A').selectOption('gwr2023-zh');
  await expect(page.getByTestId('title-A')).toContainText('2023');
  await page.getByTestId('search-A').fill('');
  await expect(options).toHaveCount(all);
});

test('the corpus search finds a phrase in the texts, and a document found loads', async ({ page }) => {
  // What the texts say, read here from the repository's corpus.
  const dir = new URL('../../seeds/corpus/', import.meta.url).pathname;
  const fold = (t) => t.toLowerCase().replace(/\s+/g, ' ');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fold(fs.readFileSync(dir + f, 'utf8')));
  const holding = (q) => texts.filter((t) => t.includes(q)).length;
  expect(holding('全过程人民民主')).toBe(4);

  await ready(page);
  await page.getByTestId('search-A').fill('全过程人民民主');
  await expect(page.getByTestId('search-count-A')).toHaveText('0 titles');
  await page.getByTestId('text-search-A').click();
  const hits = page.getByTestId('text-hits-A');
  await expect(hits).toContainText('“全过程人民民主” is in 4 of');
  await expect(hits.getByTestId('text-hit')).toHaveCount(4);

  const congress = hits.locator('li', { hasText: '在中国共产党第二十次全国代表大会上的报告' });
  await expect(congress).toContainText('9×');
  // The texts are read once: the list follows the search as it is typed.
  await page.getByTestId('search-A').fill('Shared  Future');
  await expect(hits.getByTestId('text-hit')).toHaveCount(holding('shared future'));
  // In date order, whatever body issued them (the picker groups by body: UN, SCO, G20…).
  const dates = (await hits.getByTestId('text-hit').allTextContents()).map((t) => t.slice(0, 10));
  expect(dates).toEqual([...dates].sort());
  await page.getByTestId('search-A').fill('全过程人民民主');
  await congress.getByTestId('text-hit').click();
  await expect(page.getByTestId('title-A')).toContainText('在中国共产党第二十次全国代表大会上的报告');
});

test('typing in a paste box compares after a pause, without a click', async ({ page }) => {
  await ready(page);
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').pressSequentially('Typed by hand.\nA second paragraph.', { delay: 5 });
  await expect(page.getByTestId('title-A')).toHaveText('Pasted text');
  await page.getByTestId('compare-with-sample').click();
  await expect(page.locator('.cell-a', { hasText: 'Typed by hand.' }).first()).toBeVisible();
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
});

test('a file opened with the file chooser replaces one side', async ({ page }) => {
  await ready(page);
  await page.getByTestId('file-A').setInputFiles({
    name: '公报.txt', mimeType: 'text/plain', buffer: Buffer.from('会议公报\n全会认为，形势很好。\n'),
  });
  await expect(page.getByTestId('title-A')).toHaveText('会议公报');
  await expect(page.getByTestId('panel-A')).toContainText('from the file 公报.txt');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
});

test('an HTML file dropped on a panel is read as text, scripts never run', async ({ page }) => {
  await ready(page);
  const html = '<html><body><h1>Report</h1><p>The meeting stressed reform.</p><script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"></body></html>';
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'report.html', { type: 'text/html' }));
    return dt;
  }, html);
  await page.getByTestId('panel-B').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('title-B')).toHaveText('Report');
  await page.getByTestId('compare-with-sample').click();
  await expect(page.locator('.cell-b', { hasText: 'The meeting stressed reform.' }).first()).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('binary and oversized files get a clear message and change nothing', async ({ page }) => {
  await ready(page);
  const before = await page.getByTestId('title-A').textContent();
  await page.getByTestId('file-A').setInputFiles({
    name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
  });
  await expect(page.getByTestId('notice')).toContainText('Could not open “photo.png”');
  await expect(page.getByTestId('title-A')).toHaveText(before);
  await page.getByTestId('file-A').setInputFiles({
    name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(9 * 1024 * 1024, 0x61),
  });
  await expect(page.getByTestId('notice')).toContainText('up to 8 MB');
  await page.getByTestId('file-A').setInputFiles({
    name: 'fake.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip at all'),
  });
  await expect(page.getByTestId('notice')).toContainText('not a readable Word .docx');
  await expect(page.getByTestId('title-A')).toHaveText(before);
});

test('five megabytes of text open and compare', async ({ page }) => {
  test.setTimeout(60_000);
  await ready(page);
  const big = '全会认为，形势很好，要坚持稳中求进工作总基调。\n'.repeat(5 * 1024 * 1024 / 70 + 1);
  await page.getByTestId('file-B').setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await expect(page.getByTestId('panel-B')).toContainText('from the file big.txt', { timeout: 30_000 });
  await page.getByTestId('compare-with-sample').click();
  await expect(page.getByTestId('summary')).toBeVisible();
});

test('a reload restores the documents and options; clear forgets them', async ({ page }) => {
  await ready(page);
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill('Kept across reloads.\nSecond paragraph.\n');
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  await page.getByTestId('compare-with-sample').click();
  await page.getByTestId('show-modifier').uncheck();
  await page.waitForTimeout(600);
  await page.goto('./');
  await expect(page.getByTestId('title-A')).toHaveText('Pasted text');
  await expect(page.getByTestId('show-modifier')).not.toBeChecked();
  await page.getByTestId('clear').click();
  await expect(page.getByTestId('title-A')).toContainText('Ninth Plenary Session');
  await page.waitForTimeout(600);
  await page.goto('./');
  await expect(page.getByTestId('title-A')).toContainText('Ninth Plenary Session');
});

for (const scheme of ['light', 'dark']) {
  test(`no serious accessibility violations (${scheme})`, async ({ browser }) => {
    // axe is injected as a script, which the page's CSP (rightly) forbids.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await ready(page);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    await page.screenshot({ path: `${shots}sample-${scheme}-1400.png` });
    await context.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`the timeline has no serious accessibility violations (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await ready(page);
    await page.getByTestId('mode-timeline').click();
    await page.getByRole('button', { name: /Plenums of the 19th/ }).click();
    await expect(page.getByTestId('heat-map')).toBeVisible();
    await page.addScriptTag({ content: axeSource });
    for (const tab of ['slogans', 'priorities', 'sections']) {
      await page.getByTestId(`tab-${tab}`).click();
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${tab} ${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
    }
    await page.screenshot({ path: `${shots}timeline-${scheme}-1400.png` });
    await context.close();
  });
}

test('with only one document of the user\'s, the page asks for the other instead of comparing with the sample', async ({ page }) => {
  await ready(page);
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill('会议公报\n全会认为，形势很好。\n');
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  const prompt = page.getByTestId('choose-other');
  await expect(prompt).toContainText('Now choose document B');
  await expect(page.locator('.rows')).toHaveCount(0);
  // The user may insist, or choose B.
  await page.getByTestId('compare-with-sample').click();
  await expect(page.locator('.cell-a', { hasText: '全会认为，形势很好。' }).first()).toBeVisible();
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('choose-other')).toHaveCount(0);
  await expect(page.locator('.rows > li').first()).toBeVisible();
});

test('choosing B first asks for A the same way, and Back to that step asks again', async ({ page }) => {
  await ready(page);
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('choose-other')).toContainText('Now choose document A');
  // The address follows the state 300 ms after the last change.
  await page.waitForTimeout(600);
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await expect(page.locator('.rows > li').first()).toBeVisible();
  await page.waitForTimeout(600);
  // Back to the step with only B chosen: not a comparison of the sample with B.
  await page.goBack();
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await expect(page.getByTestId('choose-other')).toContainText('Now choose document A');
  await expect(page.locator('.rows')).toHaveCount(0);
});

test.describe(() => {
  // Without the service worker, whose fetches would pass the route that holds the sample back.
  test.use({ serviceWorkers: 'block' });
  test('documents picked while the opening sample is still loading are kept', async ({ page }) => {
    // The sample arrives late (a slow network): the reader has picked both sides by then.
    const release = await holdBack(page, '**/corpus/dalian-12-9-demo-en.txt');
    await page.goto('./');
    await page.getByTestId('pick-A').selectOption('cc19-4-zh');
    await page.getByTestId('pick-B').selectOption('cc19-5-zh');
    await expect(page.getByTestId('title-A')).toContainText('第四次');
    await expect(page.getByTestId('title-B')).toContainText('第五次');
    release();
    // The sample, arriving now, replaces neither side.
    await expect(page.locator('.rows .row').first()).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.getByTestId('title-A')).toContainText('第四次');
    await expect(page.getByTestId('title-B')).toContainText('第五次');
    await expect(page.getByTestId('pick-A')).toHaveValue('cc19-4-zh');
  });
});
