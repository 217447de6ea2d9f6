import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, systemChromium } from './scripts/chromium';

/**
 * Chromium: Debian's /usr/bin/chromium where it exists (CI and this kind of machine), or the
 * path in CHROMIUM_PATH; otherwise Playwright's own browser (a contributor's laptop).
 */
const executablePath = fs.existsSync(systemChromium) ? systemChromium : undefined;
const launchOptions = { executablePath, args: chromiumFlags };

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** A second server, of a large generated archive (scripts/archive-site.ts), for e2e/archive/. */
const archiveURL = `http://127.0.0.1:${port + 1}`;
/** Draft-mode secret of the test server (e2e/newsroom.spec.ts). */
export const PREVIEW_TEST_SECRET = 'rahasia-uji-pratinjau';
/** On-demand revalidation secret of the test server (e2e/newsroom.spec.ts). */
export const REVALIDATE_TEST_SECRET = 'rahasia-uji-revalidasi';
/** Read counts of the test server (e2e/popular.spec.ts): a fresh folder each time it starts. */
export const E2E_DATA_DIR = 'test-artifacts/data';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: { baseURL, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'desktop', testIgnore: /archive\//, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions } },
    // WebKit is not available here: phones are emulated in Chromium with a phone descriptor.
    { name: 'phone', testIgnore: /archive\//, use: { ...devices['Pixel 7'], launchOptions } },
    { name: 'archive-desktop', testMatch: /archive\/.*\.spec\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions, baseURL: archiveURL } },
    { name: 'archive-phone', testMatch: /archive\/.*\.spec\.ts/, use: { ...devices['Pixel 7'], launchOptions, baseURL: archiveURL } },
  ],
  webServer: [{
    // Tests run against the production build, as readers get it.
    command: `rm -rf ${E2E_DATA_DIR} && node server/start.cjs`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // Fault injection lets a test see the error page of a render that fails.
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      WARTA_FAULT_INJECTION: '1',
      PREVIEW_SECRET: PREVIEW_TEST_SECRET,
      REVALIDATE_SECRET: REVALIDATE_TEST_SECRET,
      WARTA_DATA_DIR: E2E_DATA_DIR,
    },
  },
  {
    // Generates 5,000 stories and builds them the first time (a few minutes), then only serves.
    command: 'node --import tsx scripts/archive-site.ts',
    url: `${archiveURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    env: { PORT: String(port + 1), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', WARTA_DATA_DIR: 'test-artifacts/archive-data' },
  }],
});
