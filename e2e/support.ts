import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const SEED = '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara';
export const RU_NK_TAG = '/topik/hubungan-rusia-korea-utara';
export const LIVE = '/langsung/kunjungan-putin-ke-pyongyang';

/**
 * Saves a full-page screenshot under test-artifacts/screenshots/<project>/<name>.png (kept by CI
 * as an artifact, and looked at by people) and attaches it to the HTML report.
 */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  const dir = path.join('test-artifacts', 'screenshots', testInfo.project.name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The page must not scroll sideways: nothing wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

/** datetime attributes of the story list on a listing page, in page order. */
export async function listedTimes(page: Page): Promise<number[]> {
  const values = await page.locator('main ol li article time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
  return values.map((v) => Date.parse(v));
}

/** Slugs of the articles readers can see: every file in content/articles/ that is not a draft. */
export function publishedSlugs(): string[] {
  const dir = path.join('content', 'articles');
  return fs
    .readdirSync(dir)
    .filter((f) => !/^draft:\s*true\s*$/m.test(fs.readFileSync(path.join(dir, f), 'utf8').split('\n---')[0] ?? ''))
    .map((f) => f.replace(/\.md$/, ''));
}
