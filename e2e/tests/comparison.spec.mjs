// The main flow: the page opens on a real comparison, and a Chinese pair can be picked.
import { test, expect } from '@playwright/test';
import zlib from 'node:zlib';

const shots = new URL('../screenshots/', import.meta.url).pathname;

test('opens on the sample comparison with insertions and deletions', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByTestId('title-A')).toContainText('Ninth Plenary Session');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await expect(page.getByText('Illustrative edit, not a real document').first()).toBeVisible();
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await expect(page.locator('.rows del').first()).toBeVisible();
  await expect(page.locator('.rows del', { hasText: 'Ninth' }).first()).toBeVisible();
  await expect(page.locator('.rows ins', { hasText: 'Tenth' }).first()).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('1 moved');
  await expect(page.getByTestId('summary')).toContainText('1 added');
  await expect(page.getByTestId('summary')).toContainText('1 dropped');
  await expect(page.locator('.row.added .relation')).toHaveText('added');
  await expect(page.locator('.row.dropped .relation')).toHaveText('dropped');
  await expect(page.locator('.row.moved .relation')).toContainText('moved from ¶5·5');
  await page.screenshot({ path: shots + 'sample-1400.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shots + 'sample-390.png' });
  expect(errors).toEqual([]);
});

test('picks two Central Committee plenums and shows a Chinese comparison', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-A')).toContainText('第十九届中央委员会第四次全体会议公报');
  await expect(page.getByTestId('title-B')).toContainText('第十九届中央委员会第五次全体会议公报');
  await expect(page.locator('.rows del', { hasText: '四' }).first()).toBeVisible();
  await expect(page.locator('.rows ins', { hasText: '五' }).first()).toBeVisible();
  const rows = await page.locator('.rows > li').count();
  expect(rows).toBeGreaterThan(20);
  await page.screenshot({ path: shots + 'cc19-4-vs-5-1400.png' });
});

test('pasted text replaces one side and keeps the other', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill('A pasted title\n\nThe meeting stressed that reform must deepen.\n');
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  // A pasted text is titled by its first line when that reads as a title.
  await expect(page.getByTestId('title-A')).toHaveText('A pasted title');
  // B is still the sample: the page asks for B; the test compares with the sample anyway.
  await page.getByTestId('compare-with-sample').click();
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await expect(page.locator('.row.added').first()).toBeVisible();
});

test('routine changes are dimmed and can be hidden; sides can be swapped', async ({ page }) => {
  await page.goto('./');
  const ninth = page.locator('.rows del.routine', { hasText: 'Ninth' }).first();
  await expect(ninth).toBeVisible();
  await expect(page.locator('.rows del.substantive', { hasText: 'three advances' })).toBeVisible();
  await expect(page.locator('.rows ins.modifier', { hasText: 'comprehensively' })).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('3 substantive');
  await expect(page.getByTestId('summary')).toContainText('1 modifier');
  await expect(page.getByTestId('summary')).toContainText('7 routine');
  await page.getByTestId('show-routine').uncheck();
  await expect(page.locator('.rows del.routine')).toHaveCount(0);
  await expect(page.locator('.rows del.substantive', { hasText: 'three advances' })).toBeVisible();
  await page.getByTestId('swap').click();
  await expect(page.getByTestId('title-A')).toContainText('Illustrative edit');
  await expect(page.locator('.rows ins.substantive', { hasText: 'three advances' })).toBeVisible();
  await page.getByTestId('granularity').selectOption('character');
  await expect(page.locator('.rows ins', { hasText: 'three advances' }).first()).toBeVisible();
});

test('the summary counts filter the sections and the change classes', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  const rows = page.locator('.rows > li.row');
  const all = await rows.count();
  const added = page.getByTestId('count-added');
  const n = Number((await added.locator('strong').textContent()).trim());
  expect(n).toBeGreaterThan(0);
  await added.click();
  await expect(added).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-note')).toContainText('Showing only added sections');
  await expect(rows).toHaveCount(n);
  await expect(page.locator('.rows > li.row.added')).toHaveCount(n);
  await expect(page.getByTestId('fold').first()).toContainText(/other sections? — show/);
  // The filter travels in the link and survives a reload.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('count-added')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('count-added').click();
  await expect(rows).toHaveCount(all);
  // A change-class count hides that class, like the toolbar's checkbox.
  await page.getByTestId('count-routine').click();
  await expect(page.getByTestId('show-routine')).not.toBeChecked();
  await expect(page.locator('.rows del.routine')).toHaveCount(0);
  await page.getByTestId('count-routine').click();
  await expect(page.getByTestId('show-routine')).toBeChecked();
});

test('a formulation count in the summary lists only those formulations, and again all changed ones', async ({ page }) => {
  await page.goto('./');
  const table = page.getByTestId('slogans-table');
  await expect(table.locator('tr.added', { hasText: 'two establishments' })).toBeVisible();
  await page.getByTestId('formulations-dropped').click();
  await expect(page.getByTestId('formulations-dropped')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('slogan-filter')).toHaveValue('dropped');
  await expect(table.locator('tbody tr.dropped', { hasText: 'three advances' })).toBeVisible();
  await expect(table.locator('tbody tr:not(.dropped)')).toHaveCount(0);
  await page.getByTestId('formulations-dropped').click();
  await expect(page.getByTestId('slogan-filter')).toHaveValue('changed');
  await expect(table.locator('tr.added', { hasText: 'two establishments' })).toBeVisible();
});

test('formulations and priorities panels link to where they stand', async ({ page }) => {
  await page.goto('./');
  const table = page.getByTestId('slogans-table');
  await expect(table.locator('tr.dropped', { hasText: 'three advances' })).toBeVisible();
  await expect(table.locator('tr.added', { hasText: 'two establishments' })).toBeVisible();
  await expect(page.getByTestId('slogan-counts')).toContainText('1 dropped');
  await table.locator('.slogan-link', { hasText: 'three advances' }).click();
  const mark = page.locator('.cell-a mark.occurrence', { hasText: 'three advances' });
  await expect(mark).toBeVisible();
  await expect(page.locator('.row.focused')).toHaveCount(1);
  await expect(mark).toBeInViewport();
  await page.getByTestId('slogan-filter').selectOption('kept');
  await expect(table.locator('tr.kept', { hasText: 'Two Leading Areas' })).toBeVisible();
  await table.locator('.slogan-link', { hasText: 'Two Leading Areas' }).click();
  const first = await page.locator('.row.focused').getAttribute('id');
  await table.locator('.slogan-link', { hasText: 'Two Leading Areas' }).click();
  const second = await page.locator('.row.focused').getAttribute('id');
  expect(second).not.toEqual(first);
  // The whole row is the target, not only the words; its link copies and focuses nothing.
  await page.getByTestId('slogan-filter').selectOption('changed');
  const added = table.locator('tr.added', { hasText: 'two establishments' });
  await added.locator('td.num').last().click();
  await expect(added).toHaveClass(/selected/);
  await expect(page.locator('.cell-b mark.occurrence', { hasText: 'two establishments' }).first()).toBeInViewport();
  const focused = await page.locator('.row.focused').getAttribute('id');
  await table.locator('tr.dropped', { hasText: 'three advances' }).locator('.row-link').click();
  await expect(added).toHaveClass(/selected/);
  expect(await page.locator('.row.focused').getAttribute('id')).toEqual(focused);
  // The keyboard's way is the button, whose press reaches the row once.
  await table.locator('tr.dropped', { hasText: 'three advances' }).locator('.slogan-link').press('Enter');
  await expect(table.locator('tr.dropped', { hasText: 'three advances' })).toHaveClass(/selected/);
  const priorities = page.getByTestId('priorities-table').first();
  await expect(priorities.locator('tr.up .rank-change')).toHaveText('↑1');
  await expect(priorities.locator('tr.down .rank-change')).toHaveText('↓1');
  await priorities.getByRole('button', { name: /county economy/ }).click();
  await expect(page.locator('.row.focused.moved')).toBeInViewport();
  await page.screenshot({ path: shots + 'findings-1400.png', fullPage: false });
});

test('keyboard moves between changes; inline and changes-only views', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.locator('.row.focused')).toHaveCount(1);
  await expect(page.getByTestId('announcer')).toContainText('Change 1 of');
  await page.keyboard.press('j');
  await expect(page.getByTestId('announcer')).toContainText('Change 2 of');
  await page.keyboard.press('k');
  await expect(page.getByTestId('announcer')).toContainText('Change 1 of');
  await page.keyboard.press('s');
  await expect(page.locator('mark.occurrence').first()).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByTestId('key-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('key-help')).toHaveCount(0);
  await page.keyboard.press('v');
  await expect(page.locator('.comparison.inline')).toBeVisible();
  await expect(page.locator('.comparison.inline .row del', { hasText: 'three advances' })).toBeVisible();
  await page.getByTestId('changes-only').check();
  await expect(page.getByTestId('fold').first()).toContainText('unchanged sections');
  const folds = await page.getByTestId('fold').count();
  await page.getByTestId('fold').first().click();
  await expect(page.getByTestId('fold')).toHaveCount(folds - 1);
  await page.screenshot({ path: shots + 'inline-changes-only-1400.png' });
  await page.locator('.ruler .tick.added').click();
  await expect(page.locator('.row.focused.added')).toBeInViewport();
});

test('after scrolling, the next change is the next one below what the reader sees, not the first', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.getByTestId('pick-A').selectOption('gwr2022-zh');
  await page.getByTestId('pick-B').selectOption('gwr2023-zh');
  await expect(page.locator('#row-60')).toBeAttached();
  const index = (id) => Number(id.replace('row-', ''));
  // Scrolled down to row 60, with nothing focused: "next" goes on from there.
  await page.locator('#row-60').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.keyboard.press('n');
  const focused = page.locator('.row.focused');
  await expect(focused).toHaveCount(1);
  const first = index(await focused.getAttribute('id'));
  expect(first).toBeGreaterThanOrEqual(58);
  expect(first).toBeLessThan(70);
  await expect(focused).toBeInViewport();
  // "previous" from there goes back one change, not to the last one of the document.
  await page.keyboard.press('p');
  await expect(focused).not.toHaveAttribute('id', `row-${first}`);
  expect(index(await focused.getAttribute('id'))).toBeLessThan(first);
  // The focused row scrolled out of sight: the step starts from what is on screen again.
  await page.locator('#row-10').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.keyboard.press('n');
  await expect(focused).toBeInViewport();
  expect(index(await focused.getAttribute('id'))).toBeLessThan(20);
});

test('exports carry the same content as the CLI, and a change copies as a quote', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  const read = async (format) => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export').selectOption(format);
    const path = await (await download).path();
    return (await import('node:fs')).readFileSync(path, 'utf8');
  };
  const md = await read('md');
  expect(md).toContain('| three advances | dropped | 1 | 0 |');
  expect(md).toContain('~~unswervingly~~**comprehensively**');
  const html = await read('html');
  expect(html.startsWith('<!doctype html>')).toBeTruthy();
  expect(html).not.toContain('<script');
  const json = JSON.parse(await read('json'));
  expect(json.schema).toBe('tifa.comparison/1');
  expect(json.slogans.some((s) => s.text === 'two establishments' && s.status === 'added')).toBeTruthy();
  const csv = await read('csv');
  expect(csv.split('\r\n')[0]).toBe('formulation,status,reworded_from,count_a,count_b,kind,category,gloss,record');
  await page.locator('.row.moved [data-testid="quote"]').click();
  const quote = await page.evaluate(() => navigator.clipboard.readText());
  expect(quote).toContain('county economy');
  expect(quote).toContain('(The Ninth Plenary Session of the 12th CPC Dalian Municipal Committee (2019-08-05), ¶5·5)');
  expect(quote).toContain('\nbecame\n');
  await context.close();
});

test('the print stylesheet keeps the two columns and drops the controls', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 1000 });
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.options-bar', '.share-bar', '.ruler', '.doc-panel .picker']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  const columns = await page.locator('.rows > li.row').first().evaluate((row) => getComputedStyle(row).gridTemplateColumns.split(' ').length);
  expect(columns).toBe(2);
  await expect(page.locator('.rows del.substantive', { hasText: 'three advances' })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
});

/** Opens a Chinese pair from two files that differ in one word. */
async function oneWordApart(page) {
  const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByTestId('file-A').setInputFiles(file('甲.txt', '会议公报\n全会强调，坚持发展经济。\n'));
  await page.getByTestId('file-B').setInputFiles(file('乙.txt', '会议公报\n全会强调，坚定发展经济。\n'));
  await expect(page.getByTestId('panel-B')).toContainText('from the file 乙.txt');
}

test('Chinese is compared in words: the word list comes from the site', async ({ page }) => {
  const words = page.waitForResponse((r) => r.url().endsWith('/zh_words.txt') && r.ok());
  await page.goto('./');
  await words;
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await oneWordApart(page);
  // 坚持 → 坚定 as whole words, not 持 → 定.
  await expect(page.locator('.rows del')).toHaveText(['坚持']);
  await expect(page.locator('.rows ins')).toHaveText(['坚定']);
});

test('without the word list, Chinese is compared by characters and the page says so', async ({ page }) => {
  await page.route('**/zh_words.txt', (route) => route.abort());
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await oneWordApart(page);
  await expect(page.locator('.rows del')).toHaveText(['持']);
  await expect(page.locator('.rows ins')).toHaveText(['定']);
  // Said for as long as it holds, not only until the next action.
  await expect(page.getByTestId('language-warning')).toContainText('Could not load the Chinese word list');
  await expect(page.getByTestId('language-warning')).not.toContainText('formulation lexicon');
});

test('without the lexicon, Chinese is still compared in words', async ({ page }) => {
  await page.route('**/lexicon.tsv', (route) => route.abort());
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await oneWordApart(page);
  await expect(page.locator('.rows del')).toHaveText(['坚持']);
  await expect(page.getByTestId('language-warning')).toContainText('Could not load the formulation lexicon');
});

test('each changed row says what happened to its sentences, including moves between sections', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByTestId('file-A').setInputFiles(file('a.txt', 'Title\nReform must deepen further. Opening up must widen steadily. Markets must stay open.\nGrowth must be steady and strong this year.\n'));
  await page.getByTestId('file-B').setInputFiles(file('b.txt', 'Title\nReform must deepen further. Markets must stay fully open.\nGrowth must be steady and strong this year. Opening up must widen steadily.\n'));
  await expect(page.getByTestId('panel-B')).toContainText('from the file b.txt');
  const lines = page.getByTestId('sentence-line');
  await expect(lines).toHaveText([
    'sentences: 1 kept · 1 reworded · 1 moved out to ¶3',
    'sentences: 1 kept · 1 moved in from ¶2',
  ]);
});

test('phrases a speech keeps repeating are listed as candidates, apart from the counts', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.getByTestId('pick-A').selectOption('unga75-2020-en');
  await page.getByTestId('pick-B').selectOption('unga76-2021-en');
  const counts = page.getByTestId('slogan-counts');
  await expect(counts).toContainText('candidates changed (repeated phrases and series');
  const table = page.getByTestId('slogans-table');
  // The new pair's table, not the sample's (whose counts read the same), before the filter
  // is chosen, so that the rows checked below are this pair's.
  await expect(table).toContainText('World Anti-Fascist War');
  await page.getByTestId('slogan-filter').selectOption('repeated');
  const row = table.locator('tr.dropped', { hasText: 'World Anti-Fascist War' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('candidate · repeated phrase');
  await expect(row.locator('td.num').first()).toHaveText('3');
  // Every row of this filter is a candidate (waited for: a count taken while the table
  // still redraws would compare two different tables).
  await expect(table.locator('tbody tr').filter({ hasNotText: /candidate · (repeated phrase|series)/ })).toHaveCount(0);
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
  await row.locator('.slogan-link').click();
  await expect(page.locator('.cell-a mark.occurrence', { hasText: 'Anti-Fascist' }).first()).toBeVisible();
});

test('the formulations table keeps its filter and search when the comparison is made again, and a link keeps them', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  await page.getByTestId('pick-A').selectOption('cc19-4-zh');
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  const table = page.getByTestId('slogans-table');
  await expect(table).toContainText('十四五');
  const filter = page.getByTestId('slogan-filter');
  const search = page.getByRole('searchbox', { name: 'Search formulations' });
  await filter.selectOption('dropped');
  await search.fill('两个');
  const rows = table.locator('tbody tr');
  await expect(rows.filter({ hasText: '两个一百年' })).toHaveCount(1);
  await expect(rows.filter({ hasNot: page.locator('.status.dropped') })).toHaveCount(0);
  // Swapped, the dropped formulations are added ones: none is dropped and has 两个; the
  // table says so and keeps the reader's filter and search.
  await page.getByTestId('swap').click();
  await expect(page.getByText('No formulation matches.')).toBeVisible();
  await expect(filter).toHaveValue('dropped');
  await expect(search).toHaveValue('两个');
  await page.getByTestId('swap').click();
  await expect(rows.filter({ hasText: '两个一百年' })).toHaveCount(1);
  // The address carries the table's setup (written a moment after the last change): the
  // page opened again shows the same rows.
  const linkState = () => {
    const fragment = new URL(page.url()).hash.replace(/^#v1\./, '');
    return fragment ? JSON.parse(zlib.inflateSync(Buffer.from(fragment, 'base64url')).toString('utf8')) : {};
  };
  await expect.poll(() => linkState().ft).toEqual({ f: 'dropped', q: '两个' });
  await page.reload();
  await expect(filter).toHaveValue('dropped');
  await expect(search).toHaveValue('两个');
  await expect(rows.filter({ hasText: '两个一百年' })).toHaveCount(1);
  await expect(rows.filter({ hasNot: page.locator('.status.dropped') })).toHaveCount(0);
});
