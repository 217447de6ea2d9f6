import { expect, test } from '@playwright/test';
import { RU_NK_TAG, SEED } from './support';

const PAGES = ['/', SEED, RU_NK_TAG, `${RU_NK_TAG}/halaman/2`, `${RU_NK_TAG}/linimasa`, '/topik', '/rubrik/ekonomi', '/penulis/redaksi', '/cari?q=putin', '/tidak-ada'];

test.describe('security headers', () => {
  test('every page sends a strict CSP and the other security headers', async ({ request }) => {
    for (const path of PAGES) {
      const response = await request.get(path);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, path).toMatch(/^'self'( '(sha256-[A-Za-z0-9+/=]+|nonce-[A-Za-z0-9+/=]+)')+$/);
      expect(scriptSrc).not.toContain('unsafe');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], path).toContain('camera=()');
      expect(headers['x-powered-by'], path).toBeUndefined();
      // Served over plain HTTP here: HSTS only when the request came over HTTPS.
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
    const https = await request.get(SEED, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers()['strict-transport-security']).toContain('max-age=');
  });

  test('the CSP lets the page’s own scripts run and blocks nothing', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    for (const path of PAGES) {
      await page.goto(path);
      // The App Router sets window.next once its client runtime has started: hydration ran.
      await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next)), { message: path }).toBe(true);
    }
    expect(violations).toEqual([]);
  });
});
