// Marks on Chinese text keep every character legible: a line through 二 makes it read as
// 三, and through 三 as 亖. This test finds the pixels each mark draws (a screenshot of the
// mark minus a screenshot of the same text with decorations turned off) and checks that
// none falls in the middle band of the glyphs, on screen (light and dark) and in print.
import { test, expect } from '@playwright/test';

const shots = new URL('../screenshots/', import.meta.url).pathname;

const A = '中国共产党第二十届中央委员会第三次全体会议公报\n全会听取和讨论了二十届二中全会以来的工作，王某同志作了说明。\n';
const B = '中国共产党第二十届中央委员会第四次全体会议公报\n全会听取和讨论了二十届三中全会以来的工作，土某同志作了说明。\n';

async function compareChinese(page) {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill(A);
  await page.locator('.side-b details.paste summary').click();
  await page.locator('#paste-B').fill(B);
  await expect(page.locator('.text:lang(zh) del', { hasText: '二' }).first()).toBeVisible();
}

/** Rows (CSS pixels from the top of `clip`) where two PNG screenshots of `clip` differ. */
async function differingRows(page, before, after) {
  return page.evaluate(async ([x, y]) => {
    const load = (b64) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = `data:image/png;base64,${b64}`;
    });
    const [i1, i2] = await Promise.all([load(x), load(y)]);
    const data = (img) => {
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [d1, d2] = [data(i1), data(i2)];
    const rows = [];
    for (let r = 0; r < i1.height; r++) {
      let differs = false;
      for (let k = r * i1.width * 4; k < (r + 1) * i1.width * 4; k++) {
        if (Math.abs(d1[k] - d2[k]) > 24) { differs = true; break; }
      }
      if (differs) rows.push(r);
    }
    return rows;
  }, [before.toString('base64'), after.toString('base64')]);
}

/** For each mark on Chinese text: its box and the rows where its decoration draws. */
async function markGeometry(page) {
  const marks = page.locator('.rows .text:lang(zh) del, .rows .text:lang(zh) ins');
  const n = await marks.count();
  expect(n).toBeGreaterThan(1);
  const out = [];
  for (let k = 0; k < n; k++) {
    const mark = marks.nth(k);
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    const pad = 10;
    const clip = { x: box.x, y: box.y - pad, width: box.width, height: box.height + 2 * pad };
    const withMark = await page.screenshot({ clip });
    // Through the CSSOM: the page's Content-Security-Policy refuses inline style sheets.
    await mark.evaluate((el) => el.style.setProperty('text-decoration', 'none', 'important'));
    const without = await page.screenshot({ clip });
    await mark.evaluate((el) => el.style.removeProperty('text-decoration'));
    const rows = (await differingRows(page, withMark, without)).map((r) => r - pad);
    out.push({ text: await mark.textContent(), tag: await mark.evaluate((el) => el.tagName), height: box.height, rows });
  }
  return out;
}

function expectClearOfMiddleBand(geometry) {
  for (const { text, tag, height, rows } of geometry) {
    // The decoration must draw something (else the test proves nothing)...
    expect(rows.length, `${tag} “${text}” draws no mark`).toBeGreaterThan(0);
    // ...and nothing of it between 30% and 70% of the glyph box, where 一二三's strokes sit.
    const inBand = rows.filter((r) => r > 0.3 * height && r < 0.7 * height);
    expect(inBand, `${tag} “${text}” (box ${height.toFixed(1)} px) draws across the middle of its glyphs`).toEqual([]);
  }
}

for (const colorScheme of ['light', 'dark']) {
  test(`deleted 二 and 三 are marked clear of their strokes (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await compareChinese(page);
    const geometry = await markGeometry(page);
    const deleted = geometry.filter((g) => g.tag === 'DEL').map((g) => g.text);
    expect(deleted).toEqual(expect.arrayContaining(['三', '二']));
    expectClearOfMiddleBand(geometry);
    await page.locator('.rows').first().screenshot({ path: `${shots}cjk-marks-${colorScheme}.png` });
  });
}

test('in print, marks on Chinese text stay clear of the strokes too', async ({ page }) => {
  await compareChinese(page);
  await page.emulateMedia({ media: 'print' });
  expectClearOfMiddleBand(await markGeometry(page));
});

test('English deletions are still struck through', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  const del = page.locator('.rows .text:lang(en) del.substantive').first();
  await expect(del).toBeVisible();
  expect(await del.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
});

test('on a phone the Chinese marks stay clear of the strokes', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await compareChinese(page);
  expectClearOfMiddleBand(await markGeometry(page));
  await page.screenshot({ path: `${shots}cjk-marks-phone.png` });
  await page.close();
});
