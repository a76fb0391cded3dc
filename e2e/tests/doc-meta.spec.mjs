// Documents know what they are: a file or a paste states its title on its first line and
// its date and body in its opening lines; the page shows them, the timeline orders by
// them, quotes cite them, and a link's recipient is told a text was opened from a file.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const corpus = new URL('../../seeds/corpus/', import.meta.url).pathname;
const asFile = (id, name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(`${corpus}${id}.txt`) });

async function ready(page) {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
}

test('an opened file is named by its title and dated by its text', async ({ page }) => {
  await ready(page);
  await page.getByTestId('file-A').setInputFiles(asFile('cc19-4-zh', 'download (3).txt'));
  await expect(page.getByTestId('title-A')).toHaveText('中国共产党第十九届中央委员会第四次全体会议公报');
  await expect(page.getByTestId('panel-A')).toContainText('19th Central Committee, 4th plenary session · 2019-10-31');
  await expect(page.getByTestId('panel-A')).toContainText('from the file download (3).txt');
});

test('a pasted text with a title line takes that title', async ({ page }) => {
  await ready(page);
  await page.locator('.side-b details.paste summary').click();
  await page.locator('#paste-B').fill(fs.readFileSync(`${corpus}gwr2019-zh.txt`, 'utf8'));
  await expect(page.getByTestId('title-B')).toHaveText('政府工作报告');
  await expect(page.getByTestId('panel-B')).toContainText('Government work report 2019 · 2019-03-05');
});

test('files added to a timeline are ordered by the dates they state', async ({ page }) => {
  await ready(page);
  await page.getByTestId('mode-timeline').click();
  await page.getByTestId('series-files').setInputFiles([
    asFile('cc19-6-zh', 'a.txt'), asFile('cc19-4-zh', 'b.txt'), asFile('cc19-5-zh', 'c.txt'),
  ]);
  await expect(page.getByTestId('series-item')).toHaveCount(3);
  await page.getByRole('button', { name: /Order by date/ }).click();
  await expect(page.getByTestId('series-item').nth(0)).toContainText('第四次');
  await expect(page.getByTestId('series-item').nth(2)).toContainText('第六次');
});

test('a link tells its recipient the text was opened from a file', async ({ page, context }) => {
  await ready(page);
  await page.getByTestId('file-A').setInputFiles(asFile('cc19-4-zh', 'plenum.txt'));
  await expect(page.getByTestId('title-A')).toContainText('第四次全体会议公报');
  await page.waitForFunction(() => location.hash.startsWith('#v1.') && history.state !== undefined);
  await page.waitForTimeout(300);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('title-A')).toHaveText('中国共产党第十九届中央委员会第四次全体会议公报');
  await expect(other.getByTestId('panel-A')).toContainText('characters, opened from a file');
  await expect(other.getByTestId('panel-A')).toContainText('2019-10-31');
});
