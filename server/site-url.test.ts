import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteUrl, siteUrlWarnings, warnAboutSiteUrl } from './site-url';

describe('siteUrlWarnings', () => {
  test('set at build and at start, the same: nothing to say (trailing slashes aside)', () => {
    expect(siteUrlWarnings('https://warta.example', 'https://warta.example')).toEqual([]);
    expect(siteUrlWarnings('https://warta.example/', 'https://warta.example')).toEqual([]);
  });

  test('unset at build and at start: pages say localhost; set it for both', () => {
    const warnings = siteUrlWarnings(undefined, '');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/not set when this build was made.*http:\/\/localhost:3000.*npm run build/);
    expect(warnings[1]).toMatch(/SITE_URL is not set/);
  });

  test('unset at start only, or the build\'s value not known: warned', () => {
    expect(siteUrlWarnings('', 'https://warta.example')).toEqual([expect.stringMatching(/SITE_URL is not set/)]);
    expect(siteUrlWarnings(undefined, undefined)).toEqual([expect.stringMatching(/SITE_URL is not set/)]);
    expect(siteUrlWarnings('https://warta.example', undefined)).toEqual([]);
  });

  test('different at start: the build\'s value is what readers get, rebuild', () => {
    expect(siteUrlWarnings('https://baru.example', 'https://warta.example')).toEqual([
      expect.stringMatching(/SITE_URL is https:\/\/baru\.example but this build was made with https:\/\/warta\.example.*SITE_URL=https:\/\/baru\.example/),
    ]);
    expect(siteUrlWarnings('https://baru.example', '')).toHaveLength(2);
  });
});

describe('warnAboutSiteUrl', () => {
  const dist = (env?: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-site-url-'));
    if (env) fs.writeFileSync(path.join(dir, 'required-server-files.json'), JSON.stringify({ config: { env } }));
    return dir;
  };

  test('reads the build\'s value from required-server-files.json', () => {
    expect(builtSiteUrl(dist({ SITE_URL: 'https://warta.example' }))).toBe('https://warta.example');
    expect(builtSiteUrl(dist({ WARTA_LOCALE: 'id' }))).toBeUndefined();
    expect(builtSiteUrl(dist())).toBeUndefined();
  });

  test('logs each warning in production, nothing in development', () => {
    const previous = process.env.SITE_URL;
    delete process.env.SITE_URL;
    try {
      const lines: string[] = [];
      warnAboutSiteUrl(false, dist({ SITE_URL: '' }), (line) => lines.push(line));
      expect(lines).toHaveLength(2);
      expect(lines.every((line) => line.includes('⚠'))).toBe(true);
      const none: string[] = [];
      warnAboutSiteUrl(true, dist({ SITE_URL: '' }), (line) => none.push(line));
      expect(none).toEqual([]);
    } finally {
      if (previous !== undefined) process.env.SITE_URL = previous;
    }
  });
});
