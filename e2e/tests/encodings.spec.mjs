// Files as Chinese sites and Windows tools save them: GB18030 and Big5 text, UTF-16, a PDF
// under a .txt name, a picture under a .txt name (tests/files). The page reads the first
// three with the browser's TextDecoder and says what it read them as; it names the PDF as a
// PDF; the picture stays "binary data". A refused file changes nothing. A .docx with
// tracked changes says they were accepted.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';

const files = new URL('../../tests/files/', import.meta.url).pathname;
const file = (name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(files + name) });

async function ready(page) {
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  // A real document on B, so that a file opened on A is compared with it (not the sample).
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
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

/** A .docx (zip, one deflated member) whose word/document.xml is `xml`. */
function docx(xml) {
  const name = Buffer.from('word/document.xml');
  const content = Buffer.from(xml);
  const data = zlib.deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(content.length, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

test('a .docx with tracked changes says it was read with them accepted', async ({ page }) => {
  await ready(page);
  const xml = '<w:document><w:body><w:p><w:r><w:t>会议公报</w:t></w:r></w:p><w:p><w:r><w:t>坚持</w:t></w:r>'
    + '<w:del w:id="1" w:author="x"><w:r><w:delText>稳健的</w:delText></w:r></w:del>'
    + '<w:ins w:id="2" w:author="x"><w:r><w:t>适度宽松的</w:t></w:r></w:ins><w:r><w:t>货币政策。</w:t></w:r></w:p></w:body></w:document>';
  await page.getByTestId('file-A').setInputFiles({ name: 'draft.docx', mimeType: 'application/octet-stream', buffer: docx(xml) });
  await expect(page.getByTestId('panel-A')).toContainText('its tracked changes accepted');
  await expect(page.locator('.cell-a', { hasText: '坚持适度宽松的货币政策' }).first()).toBeVisible();
});
