// Playwright runs the end-to-end tests against the built site (../dist), served by
// serve.mjs on 127.0.0.1, in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.TIFA_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    {
      command: `node serve.mjs --root ../dist --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      // The same build under a sub-path, as on a shared static host.
      command: `node serve.mjs --root ../dist --port ${port + 2} --base /tools/tifa/`,
      url: `http://127.0.0.1:${port + 2}/tools/tifa/`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
  ],
});
