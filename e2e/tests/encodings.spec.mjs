// Files as Chinese sites and Windows tools save them: GB18030 and Big5 text, UTF-16, a PDF
// under a .txt name, a picture under a .txt name (tests/files). The page reads the first
// three with the browser's TextDecoder and says what it read them as; it names the PDF as a
// PDF; the picture stays "binary data". A refused file changes nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const files = new URL('../../tests/files/', import.meta.url).pathname;
const file = (name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(files + name) });

async function ready(page) {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
}

for (const [name, encoding, words] of [
  ['cc19-4-zh.gb18030.txt', 'GB18030', '中国共产党第十九届中央委员会第四次全体会议'],
  ['gwr1954-zh-hant.big5.txt', 'Big5', '各位代表'],
  ['cc19-5-zh.utf16le.txt', 'UTF-16LE', '中国共产党第十九届中央委员会第五次全体会议'],
  ['cc19-5-zh.utf16be.txt', 'UTF-16BE', '中国共产党第十九届中央委员会第五次全体会议'],
]) {
  test(`a ${encoding} file opens and says it was read as ${encoding}`, async ({ page }) => {
    await ready(page);
    await page.getByTestId('file-A').setInputFiles(file(name));
    await expect(page.getByTestId('panel-A')).toContainText(`read as ${encoding}`);
    await expect(page.locator('.cell-a', { hasText: words }).first()).toBeVisible();
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });
}

test('a UTF-8 file says nothing about its encoding', async ({ page }) => {
  await ready(page);
  await page.getByTestId('file-A').setInputFiles(file('gwr1954-zh-hant.utf8.txt'));
  await expect(page.locator('.cell-a', { hasText: '各位代表' }).first()).toBeVisible();
  await expect(page.getByTestId('panel-A')).not.toContainText('read as');
});

test('a PDF is named as a PDF, even under a .txt name, and changes nothing', async ({ page }) => {
  await ready(page);
  const before = await page.getByTestId('title-A').textContent();
  for (const name of ['communique.pdf', 'communique-saved-as.txt']) {
    await page.getByTestId('file-A').setInputFiles({ ...file(name), mimeType: 'application/pdf' });
    await expect(page.getByTestId('notice')).toContainText(`Could not open “${name}”: it is a PDF`);
    await expect(page.getByTestId('notice')).toContainText('copy the text');
    await expect(page.getByTestId('title-A')).toHaveText(before);
  }
});

test('a picture under a .txt name is still binary data', async ({ page }) => {
  await ready(page);
  await page.getByTestId('file-A').setInputFiles(file('picture-saved-as.txt'));
  await expect(page.getByTestId('notice')).toContainText('it is not a text file (it contains binary data)');
});
