// Hostile input: every case ends in a clear message or a correct result, the page stays
// usable, and nothing reaches the console as an uncaught error.
import { test, expect } from '@playwright/test';
import zlib from 'node:zlib';

/** Opens the page and records uncaught errors and console errors. */
async function open(page, url = './') {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  return problems;
}

async function ready(page) {
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
}

async function paste(page, side, text) {
  await page.locator(`.side-${side.toLowerCase()} details.paste`).evaluate((d) => { d.open = true; });
  await page.locator(`#paste-${side}`).fill(text);
  await page.getByRole('button', { name: `Compare this text as ${side}` }).click();
}

/** The page still compares: the summary is there and a corpus pick still works. */
async function stillUsable(page) {
  await expect(page.getByTestId('summary')).toBeVisible();
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
}

/** A .docx (zip) whose document.xml inflates from a small deflate stream to `size` bytes. */
function zipBomb(size) {
  const name = Buffer.from('word/document.xml');
  const data = zlib.deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28); central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  const centralStart = local.length + name.length + data.length;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A v1 link holding `json` (as the app would write it). */
function link(json) {
  const packed = zlib.deflateSync(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)), { level: 9 });
  return `./#v1.${packed.toString('base64url')}`;
}

test('empty and whitespace-only files are refused by name; the other side stays', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  const before = await page.getByTestId('title-A').textContent();
  for (const [name, body] of [['empty.txt', ''], ['blank.txt', ' \n\t\r\n\u3000\n']]) {
    await page.getByTestId('file-A').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
    await expect(page.getByTestId('notice')).toContainText(`Could not open “${name}”: it has no text`);
    await expect(page.getByTestId('title-A')).toHaveText(before);
  }
  // The paste box does not offer to compare nothing.
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill('   \n  ');
  await expect(page.getByRole('button', { name: 'Compare this text as A' })).toBeDisabled();
  // A character or two (a paste that failed, the start of typing) does not replace side A
  // as it is typed; the button still compares it.
  await page.locator('#paste-A').fill('党');
  await expect(page.getByTestId('paste-short')).toBeVisible();
  await page.waitForTimeout(1200);
  await expect(page.getByTestId('title-A')).toHaveText(before);
  await stillUsable(page);
  expect(problems).toEqual([]);
});

test('20 MB of pasted text is refused with its size, and the paste box keeps it', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  const huge = 'The plenum stressed reform. '.repeat(20 * 1024 * 1024 / 28);
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, huge);
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  await expect(page.getByTestId('notice')).toContainText(/The pasted text is (19\.9|20\.0) MB; tifa compares documents of up to 8 MB\. Document A is unchanged\./);
  expect(await page.locator('#paste-A').evaluate((el) => el.value.length)).toBe(huge.length);
  await stillUsable(page);
  expect(problems).toEqual([]);
});

test('a zip bomb posing as .docx is refused', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  const bomb = zipBomb(80 * 1024 * 1024);
  expect(bomb.length).toBeLessThan(200 * 1024);
  await page.getByTestId('file-A').setInputFiles({ name: 'minutes.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bomb });
  await expect(page.getByTestId('notice')).toContainText('Could not open “minutes.docx”: its text unpacks to more than 64 MB');
  await stillUsable(page);
  expect(problems).toEqual([]);
});

test('one megabyte on a single line without punctuation compares', async ({ page }) => {
  test.setTimeout(60_000);
  const problems = await open(page);
  await ready(page);
  const line = '改革发展稳定'.repeat(1024 * 1024 / 18);
  await paste(page, 'A', line);
  await expect(page.getByTestId('title-A')).toHaveText('Pasted text');
  await paste(page, 'B', line.replace('稳定', '安全'));
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 30_000 });
  expect(problems).toEqual([]);
});

test('control characters, lone surrogates, zero-width and bidi controls, combining marks and emoji', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  const cases = [
    ['NUL and controls', 'Reform\u0000 deepens\u0007.\u001b[31m Red\u0008 text\u000b.\nSecond\u000c paragraph.'],
    ['lone surrogates', 'Before \ud800 middle \udc00 after.\nNext paragraph \udbff.'],
    ['zero-width and bidi', '全会\u200b强调\u200d，\u202e坚持改革\u202c。\n\u2066Isolated\u2069 text\ufeff.'],
    ['combining marks and emoji', 'Cafe\u0301\u0301\u0301 👩‍👩‍👧‍👦 🇨🇳 e\u20dd.\n第二段🙂。'],
  ];
  for (const [name, text] of cases) {
    await paste(page, 'A', text);
    await paste(page, 'B', text.replace(/\n/, ' changed\n'));
    await expect(page.getByTestId('summary'), name).toBeVisible();
    await expect(page.locator('.rows .row').first(), name).toBeVisible();
  }
  await stillUsable(page);
  expect(problems).toEqual([]);
});

test('HTML and script tags in a pasted document are shown as text and never run', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  const text = 'Title\n<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> <b>bold</b>\n';
  await paste(page, 'A', text);
  await paste(page, 'B', text.replace('bold', 'strong'));
  await expect(page.locator('.rows', { hasText: '<script>window.__pwned = 1</script>' })).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('.rows img, .rows script, .rows b').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('the same document on both sides reads as unchanged', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  await page.getByTestId('pick-A').selectOption('cc19-6-zh');
  await page.getByTestId('pick-B').selectOption('cc19-6-zh');
  await expect(page.getByTestId('title-B')).toContainText('第六次');
  await expect(page.getByTestId('summary')).toContainText('100%');
  expect(await page.locator('.rows ins, .rows del').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('two unrelated documents compare into added and dropped sections', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('unga76-2021-en');
  await expect(page.getByTestId('title-B')).toContainText('Bolstering Confidence');
  await expect(page.locator('.row.added').first()).toBeVisible();
  await expect(page.locator('.row.dropped').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('malicious links: markup in titles, unknown and path-like ids, absurd offsets, a decompression bomb', async ({ browser }) => {
  const cases = [
    [link({ a: { t: '<img src=x onerror="window.__pwned=1">', x: '<script>window.__pwned=2</script>\nText.' }, b: { t: 'B', x: 'Text.' } }), null],
    [link({ a: { c: '../../etc/passwd', h: '00000000' }, b: { c: 'cc19-4-zh', h: '00000000' } }), 'which this site does not have'],
    [link({ a: { t: 'A', x: 'One.\nTwo.' }, b: { t: 'B', x: 'One.\nThree.' }, f: { section: { side: 'b', at: 1e15 } } }), null],
    [link({ a: { t: 'A', x: 'One.' }, b: { t: 'B', x: 'Two.' }, f: { slogan: { key: 'lex:999999', step: 4294967295 } } }), null],
    [link({ a: { t: 'A', x: 'One.' }, b: { t: 'B', x: 'Two.' }, t: { d: Array.from({ length: 25 }, () => ({ t: 'x', x: 'y' })), on: true } }), 'at most 20'],
    [link({ a: 5, b: [] }), 'does not describe a comparison'],
    [link('{"a": {"t": "A", "x": "One."}, "b": '), 'does not describe a comparison'],
    [link('{"a":{"t":"A","x":"' + ' '.repeat(20 * 1024 * 1024) + '"}}'), 'larger than tifa accepts'],
  ];
  for (const [url, message] of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await open(page, url);
    if (message) {
      await expect(page.getByTestId('notice')).toContainText(message);
    } else {
      await expect(page.getByTestId('summary')).toBeVisible();
    }
    await expect(page.locator('.rows .row').first()).toBeVisible();
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(problems, url.slice(0, 80)).toEqual([]);
    await context.close();
  }
});

test('a panic shows a banner with a reload button, and the reload loses nothing', async ({ page }) => {
  const problems = await open(page);
  await ready(page);
  await paste(page, 'A', 'Kept through a crash.\nSecond paragraph.\n');
  await expect(page.getByTestId('title-A')).toHaveText('Pasted text');
  await page.getByTestId('compare-with-sample').click();
  await page.waitForTimeout(600); // the address and storage follow 300 ms after a change
  const thrown = await page.evaluate(() => {
    try { window.wasmBindings.tifa_debug_panic(); return null; } catch (e) { return String(e); }
  });
  expect(thrown).not.toBeNull();
  const banner = page.locator('#panic-banner');
  await expect(banner).toContainText('tifa hit an internal error and stopped');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('title-A')).toHaveText('Pasted text');
  await expect(page.locator('.cell-a', { hasText: 'Kept through a crash.' }).first()).toBeVisible();
  await expect(page.locator('#panic-banner')).toHaveCount(0);
  // The panic itself is reported on the console by the hook; nothing else is.
  expect(problems.filter((p) => !p.includes('tifa_debug_panic'))).toEqual([]);
});
