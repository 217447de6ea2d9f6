import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LIVE, RU_NK_TAG, SEED } from './support';

/** One URL of every page type. */
const PAGE_TYPES: Record<string, string> = {
  home: '/',
  article: SEED,
  'lite article': `${SEED}/ringan`,
  tag: RU_NK_TAG,
  'tag page 2': `${RU_NK_TAG}/halaman/2`,
  timeline: `${RU_NK_TAG}/linimasa`,
  'live report': LIVE,
  'tag index': '/topik',
  section: '/rubrik/internasional',
  author: '/penulis/desk-internasional',
  search: '/cari?q=putin+senjata',
  'search, no results': '/cari?q=zzzzqqq',
  '404': '/berita/tidak-ada',
};

test.describe('accessibility: axe-core finds no WCAG 2.2 AA violation', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} mode`, () => {
      test.use({ colorScheme: scheme });
      for (const [name, url] of Object.entries(PAGE_TYPES)) {
        test(name, async ({ page }) => {
          await page.goto(url);
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
          const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
          expect(summary).toEqual([]);
        });
      }
    });
  }
});

test.describe('keyboard-only reading', () => {
  test.skip(({ isMobile }) => isMobile, 'keyboard use is tested on the desktop project');

  test('every stop is visibly focused and Tab walks the whole page without a trap', async ({ page }) => {
    await page.goto(SEED);
    const seen = new Set<string>();
    let reachedFooter = false;
    for (let i = 0; i < 80 && !reachedFooter; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          key: `${el.tagName}|${el.getAttribute('href') ?? el.getAttribute('name') ?? ''}|${el.textContent?.slice(0, 30)}`,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          inFooter: Boolean(el.closest('footer') && !el.closest('article')),
        };
      });
      if (!focus) continue;
      expect(focus.outline, `no visible focus on ${focus.key}`).toBe(true);
      seen.add(focus.key);
      reachedFooter = focus.inFooter;
    }
    expect(reachedFooter, 'Tab never reached the footer: focus is trapped').toBe(true);
    expect(seen.size).toBeGreaterThan(20);
  });
});

test.describe('valid markup and working links', () => {
  test.skip(({ isMobile }) => isMobile, 'markup does not depend on the viewport');

  test('the Nu HTML Checker reports no error on any page type', async ({ request }) => {
    const jar = path.join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-vnu-'));
    const files = [];
    for (const [name, url] of Object.entries(PAGE_TYPES)) {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
      fs.writeFileSync(file, await (await request.get(url)).text());
      files.push(file);
    }
    let output = '';
    try {
      output = execFileSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'text', ...files], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    expect(output.trim().split('\n').filter((l) => /error/i.test(l))).toEqual([]);
  });

  test('every internal link and image on the site answers', async ({ request }) => {
    const queue = ['/'];
    const seen = new Set(queue);
    const broken: string[] = [];
    const assets = new Set<string>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await request.get(url);
      if (response.status() !== 200) {
        broken.push(`${url} → ${response.status()}`);
        continue;
      }
      if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
      const html = await response.text();
      for (const match of html.matchAll(/<(a|link|img|source)\b[^>]*?\s(href|src|srcset)="([^"]+)"/g)) {
        const [, tag, attr, raw] = match;
        const values = attr === 'srcset' ? raw!.split(',').map((s) => s.trim().split(/\s+/)[0]!) : [raw!];
        for (const value of values) {
          const href = value.replace(/&amp;/g, '&');
          if (!href.startsWith('/') || href.startsWith('//')) continue;
          const clean = href.split('#')[0]!;
          if (tag === 'a' && !clean.startsWith('/_next/') && !clean.startsWith('/cari')) {
            if (!seen.has(clean)) {
              seen.add(clean);
              queue.push(clean);
            }
          } else {
            assets.add(clean);
          }
        }
      }
    }
    for (const asset of assets) {
      const status = (await request.get(asset)).status();
      if (status !== 200) broken.push(`${asset} → ${status}`);
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
  });
});
