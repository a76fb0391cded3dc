// Documents never leave the page: only same-origin static files are fetched, no request
// carries document text, and the Content-Security-Policy is in force.
import { test, expect } from '@playwright/test';

test('only same-origin static assets are requested, none carries document text', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const secret = 'SECRET-MARKER-机密文本-7f3a';
  await page.goto('./');
  await expect(page.getByTestId('title-B')).toContainText('Illustrative edit');
  await page.locator('.side-a details.paste summary').click();
  await page.locator('#paste-A').fill(`${secret}\nThe meeting stressed “two maintains”.\n`);
  await page.getByRole('button', { name: 'Compare this text as A' }).click();
  // Its first line reads as a title, so it names the document (shown, never sent).
  await expect(page.getByTestId('title-A')).toHaveText(secret);
  await page.getByTestId('pick-B').selectOption('cc19-5-zh');
  await expect(page.getByTestId('title-B')).toContainText('第五次');
  await page.getByTestId('copy-link').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('save-file').click();
  await download;
  await page.waitForTimeout(500);
  const origin = new URL(baseURL).origin;
  for (const r of requests) {
    const u = new URL(r.url);
    expect(u.protocol === 'blob:' || u.origin === origin, `request to another origin: ${r.url}`).toBeTruthy();
    expect(r.method).toBe('GET');
    expect(r.body).toBe('');
    expect(decodeURIComponent(u.pathname + u.search)).not.toContain(secret);
  }
  const paths = new Set(requests.map((r) => new URL(r.url).pathname.replace(/-[0-9a-f]{16}/, '-HASH')));
  expect([...paths].every((p) => /^\/(|index\.html|lexicon\.tsv|zh_words\.txt|phrases\.tsv|sw\.js|icon\.svg|manifest\.webmanifest|corpus\/[\w.-]+|[\w-]+(-HASH)?(_bg)?\.(js|wasm|css))$/.test(p)), [...paths].join(' ')).toBeTruthy();
});

test('the Content-Security-Policy blocks inline scripts and other origins', async ({ page }) => {
  const violations = [];
  await page.goto('./');
  await expect(page.locator('.rows ins').first()).toBeVisible();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'none'");
  expect(meta).toContain("connect-src 'self'");
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  const outcome = await page.evaluate(async () => {
    const blocked = [];
    document.addEventListener('securitypolicyviolation', (e) => blocked.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.head.append(s);
    let fetched = 'yes';
    try { await fetch('https://example.org/'); } catch { fetched = 'blocked'; }
    await new Promise((r) => setTimeout(r, 100));
    return { injected: window.__injected, fetched, blocked };
  });
  expect(outcome.injected).toBeUndefined();
  expect(outcome.fetched).toBe('blocked');
  expect(outcome.blocked).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
});
