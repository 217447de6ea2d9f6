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
      // Hashes only, computed from this very response: no nonces, nothing inline allowed by default.
      // A page with no inline script (documents without the runtime) gets 'self' alone.
      expect(scriptSrc, path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
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
      // The article's read beacon is an inline script: it runs only if its hash is in the policy.
      const beacon = path === SEED ? page.waitForRequest((r) => r.url().endsWith('/api/terbaca')) : undefined;
      await page.goto(path);
      await beacon;
    }
    expect(violations).toEqual([]);
  });
});

test.describe('bad URLs', () => {
  const BAD = [
    '/berita/..%2F..%2Fetc%2Fpasswd',
    '/berita/../../etc/passwd',
    '/topik/%2e%2e%2f%2e%2e%2fpackage.json',
    '/%2e%2e/package.json',
    '/_next/static/..%2F..%2Fpackage.json',
    '/images/../../package.json',
    '/berita/..%5C..%5Cpackage.json',
    `/berita/${'a'.repeat(3000)}`,
    `/topik/${'x'.repeat(1000)}/halaman/2`,
    '/berita/%E0%A4%A',
    '/berita/%',
    '/%E0%A4%A',
    '/topik/hubungan-rusia-korea-utara/halaman/%00',
    '/berita/x%00y',
    '/berita/%F0%9F%98%80',
    '/berita/café',
    '/berita/putin%20buka',
    '/topik/hubungan-rusia-korea-utara/halaman/99999999999999999999',
    '/topik/hubungan-rusia-korea-utara/halaman/-1',
    '/penulis/redaksi/halaman/1.5',
    '/rubrik/%3Cscript%3E',
  ];

  test('answer 404, never 500, and never expose a file outside content/', async ({ request }) => {
    for (const path of BAD) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      const body = await response.text();
      expect(body, path).not.toContain('root:x:0:0');
      expect(body, path).not.toContain('"devDependencies"');
      // Next.js answers its own static-asset folder with a bare 404; every page URL gets ours.
      if (!path.startsWith('/_next/')) expect(body, path).toContain('Halaman tidak ditemukan');
    }
  });

  test('upper-case slugs redirect to the canonical lower-case URL', async ({ request }) => {
    for (const path of ['/berita/PUTIN-BUKA-PELUANG-KIRIM-SENJATA-KE-KOREA-UTARA', '/Berita/putin-buka-peluang-kirim-senjata-ke-korea-utara', '/TOPIK/Hubungan-Rusia-Korea-Utara']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(308);
      expect(response.headers().location, path).toBe(path.toLowerCase());
      expect((await request.get(path)).status(), path).toBe(200);
    }
  });
});
