// A file of the site held back, as on a slow network, until the test lets it through.

/** Holds every request for `pattern` until the returned function is called. Block the
 * service worker in such a test (`test.use({ serviceWorkers: 'block' })`): its fetches pass
 * page routes. */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
