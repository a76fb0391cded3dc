// Share links reproduce the comparison in a fresh browser, fail clearly when damaged, and
// back/forward move between comparisons.
import { test, expect } from '@playwright/test';

const shots = new URL('../screenshots/', import.meta.url).pathname;

async function copiedLink(page) {
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a link made from pasted text opens the same comparison and focus in a new browser', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill('坚持“两个维护”，实施稳健的货币政策。\n全会强调，要推进改革。\n');
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  await page.locator('.side-b details.paste summary').click();
  await page.locator('#paste-B').fill('坚持“两个维护”，深刻领悟“两个确立”，实施适度宽松的货币政策。\n全会强调，要推进改革。\n');
  await page.getByRole('button', { name: 'Compare this text as B' }).click();
  await page.getByTestId('show-routine').uncheck();
  await page.getByTestId('slogans-table').locator('.slogan-link', { hasText: '两个确立' }).click();
  await expect(page.locator('.cell-b mark.occurrence', { hasText: '两个确立' })).toBeVisible();
  const link = await copiedLink(page);
  expect(link).toContain('#v1.');
  const status = await page.getByTestId('share-status').textContent();
  expect(status).toContain(`${link.length} characters`);
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await expect(other.getByTestId('title-A')).toHaveText('Pasted text');
  await expect(other.locator('.cell-b mark.occurrence', { hasText: '两个确立' })).toBeVisible();
  await expect(other.getByTestId('show-routine')).not.toBeChecked();
  await expect(other.getByTestId('slogans-table').locator('tr.reworded', { hasText: '适度宽松的货币政策' })).toBeVisible();
  await other.screenshot({ path: shots + 'opened-from-link.png' });
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a link between bundled documents is short and keeps the view', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  // Both loads are fetches and may finish in either order.
  await expect(page.getByTestId('title-A')).toContainText('第四次');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await page.getByTestId('granularity').selectOption('character');
  const link = await copiedLink(page);
  const fragment = link.slice(link.indexOf('#'));
  expect(fragment.length).toBeLessThan(200);
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByTestId('title-A')).toContainText('第四次');
  await expect(other.getByTestId('granularity')).toHaveValue('character');
  await context.close();
});

test('damaged links show a banner and keep a working page', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const good = await page.evaluate(() => location.href);
  const cases = [
    [good.slice(0, good.length - 7), 'incomplete or damaged'],
    [good.replace('#v1.', '#v7.'), 'format “v7”'],
    [good.replace(/#v1\.(.)/, '#v1.$%'), 'altered or mangled'],
  ];
  for (const [url, message] of cases) {
    const errors = [];
    const fresh = await page.context().browser().newContext();
    const p = await fresh.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(url);
    await expect(p.getByTestId('notice')).toContainText(message);
    await expect(p.locator('.rows ins').first()).toBeVisible();
    expect(errors).toEqual([]);
    await fresh.close();
  }
});

test('back and forward move between comparisons', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await expect(page.getByTestId('title-A')).toContainText('第四次');
  await page.waitForTimeout(600);
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await page.waitForTimeout(600);
  await page.goBack();
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await expect(page.getByTestId('title-A')).toContainText('第四次');
  await page.goForward();
  await expect(page.getByTestId('title-B')).toContainText('第五次');
});

test('a bundled document that changed since the link was made opens with a warning', async ({ page }) => {
  const zlib = await import('node:zlib');
  const state = { a: { c: 'dalian-12-9-en', h: '00000000' }, b: { c: 'dalian-12-9-demo-en', h: '00000000' } };
  const payload = zlib.deflateSync(Buffer.from(JSON.stringify(state))).toString('base64url');
  await page.goto(`./#v1.${payload}`);
  await expect(page.getByTestId('notice')).toContainText('has changed since this link was made');
  await expect(page.getByTestId('title-A')).toContainText('Ninth Plenary Session');
  await expect(page.locator('.rows ins').first()).toBeVisible();
});

test('a link naming a document this site does not have says so', async ({ page }) => {
  const zlib = await import('node:zlib');
  const state = { a: { c: 'no-such-doc', h: '12345678' }, b: { t: 'B', x: 'Some text.' } };
  const payload = zlib.deflateSync(Buffer.from(JSON.stringify(state))).toString('base64url');
  await page.goto(`./#v1.${payload}`);
  await expect(page.getByTestId('notice')).toContainText('which this site does not have');
});

test('long links say so and offer a comparison file, which opens by chooser or drop', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the meeting stressed item ${i * 7919 % 1000}.`).join('\n');
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill(long);
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  await page.getByTestId('compare-with-sample').click();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-status')).toContainText('longer than the 2000');
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('share-status').getByRole('button', { name: 'Save comparison file instead' }).click();
  const file = await (await downloaded).path();
  const json = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(JSON.parse(json).a.x).toContain('Paragraph 399');

  const other = await (await browser.newContext()).newPage();
  await other.goto('./');
  await expect(other.getByTestId('title-B')).toContainText('Illustrative edit');
  await other.getByTestId('open-file').setInputFiles({ name: 'tifa-comparison.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(other.getByTestId('title-A')).toHaveText('Pasted text');
  await expect(other.locator('.cell-a', { hasText: 'Paragraph 150' }).first()).toBeVisible();
  // Long comparisons open in pages of rows; the last paragraph is a "show more" away.
  while (!(await other.locator('.cell-a', { hasText: 'Paragraph 399' }).count())) await other.getByTestId('more-rows').click();
  await expect(other.locator('.cell-a', { hasText: 'Paragraph 399' }).first()).toBeVisible();

  const third = await (await browser.newContext()).newPage();
  await third.goto('./');
  await expect(third.getByTestId('title-B')).toContainText('Illustrative edit');
  const dataTransfer = await third.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'shared.json', { type: 'application/json' }));
    return dt;
  }, json);
  await third.locator('main').dispatchEvent('drop', { dataTransfer });
  await expect(third.getByTestId('title-A')).toHaveText('Pasted text');
  await context.close();
});

test('a link to one change opens scrolled to it and outlined', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('./');
  const row = page.locator('.row.added');
  await expect(row).toBeVisible();
  await row.getByTestId('row-link').click();
  // The link is packed by the browser, so it reaches the clipboard a moment after the click.
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await (await browser.newContext({ viewport: { width: 1400, height: 700 } })).newPage();
  await other.goto(link);
  await expect(other.locator('.row.focused.added')).toBeInViewport();
  await context.close();
});

/** A page of a new context whose browser lacks the global `api`, showing cc19-5 → cc19-6. */
async function pairWithout(browser, api) {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.addInitScript((name) => {
    delete window[name];
  }, api);
  await page.goto('./');
  await page.getByTestId('pick-A').selectOption('cc19-5-zh');
  await page.getByTestId('pick-B').selectOption('cc19-6-zh');
  return { context, page };
}

/** Expects `page` to show cc19-5 → cc19-6. */
async function showsThePair(page) {
  await expect(page.getByTestId('pick-A')).toHaveValue('cc19-5-zh');
  await expect(page.getByTestId('pick-B')).toHaveValue('cc19-6-zh');
}

test('a browser without clipboard items still copies the link, as text once it is packed', async ({ browser }) => {
  const { context, page } = await pairWithout(browser, 'ClipboardItem');
  const link = await copiedLink(page);
  expect(link).toContain('#v1.');
  const other = await context.newPage();
  await other.goto(link);
  await showsThePair(other);
  await context.close();
});

test('a browser that cannot pack links says so and keeps the comparison', async ({ browser }) => {
  const { context, page } = await pairWithout(browser, 'CompressionStream');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toContainText('The link could not be copied');
  await expect(page.getByTestId('share-status')).toHaveCount(0);
  // The comparison stays, and the browser's storage still holds it for a reload.
  await page.waitForFunction(() => (localStorage.getItem('tifa.workspace.v1') ?? '').includes('cc19-6-zh'));
  expect(page.url()).not.toContain('#');
  await page.reload();
  await showsThePair(page);
  await context.close();
});
