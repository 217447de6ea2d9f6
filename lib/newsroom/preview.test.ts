import { describe, expect, test } from 'vitest';
import { PREVIEW_SESSION_MS, previewCookieOptions, previewSessionValid, previewSessionValue, secretMatches } from './preview';

const NOW = Date.parse('2026-03-10T10:00:00Z');

describe('preview sessions', () => {
  test('a session signed with the secret is valid for 12 hours', () => {
    const value = previewSessionValue('rahasia', NOW);
    expect(value).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(previewSessionValid(value, 'rahasia', NOW)).toBe(true);
    expect(previewSessionValid(value, 'rahasia', NOW + PREVIEW_SESSION_MS)).toBe(true);
    expect(previewSessionValid(value, 'rahasia', NOW + PREVIEW_SESSION_MS + 1)).toBe(false);
  });

  test('previews off (no secret) or a changed secret: no session is valid', () => {
    const value = previewSessionValue('rahasia', NOW);
    expect(previewSessionValid(value, undefined, NOW)).toBe(false);
    expect(previewSessionValid(value, '', NOW)).toBe(false);
    expect(previewSessionValid(value, 'rahasia-baru', NOW)).toBe(false);
  });

  test('a forged, altered or future-dated value is not valid', () => {
    const value = previewSessionValue('rahasia', NOW);
    const [issuedAt, signature] = value.split('.');
    expect(previewSessionValid(undefined, 'rahasia', NOW)).toBe(false);
    expect(previewSessionValid('', 'rahasia', NOW)).toBe(false);
    // What Next.js's draft mode cookie holds (the build's previewModeId) is no session of ours.
    expect(previewSessionValid('0f3c2b5e9a7d4c1b8e6f2a3d5c7b9e1f', 'rahasia', NOW)).toBe(false);
    expect(previewSessionValid(`${Number(issuedAt) + 1}.${signature}`, 'rahasia', NOW)).toBe(false);
    expect(previewSessionValid(`${issuedAt}.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`, 'rahasia', NOW)).toBe(false);
    expect(previewSessionValid(`${issuedAt}.${signature}x`, 'rahasia', NOW)).toBe(false);
    const future = previewSessionValue('rahasia', NOW + 10 * 60_000);
    expect(previewSessionValid(future, 'rahasia', NOW)).toBe(false);
  });

  test('the cookie is HttpOnly, SameSite=Lax, for the whole site, Secure over https', () => {
    expect(previewCookieOptions(true)).toEqual({ httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: 43_200 });
    expect(previewCookieOptions(false).secure).toBe(false);
  });

  test('secretMatches: equal strings only, never an unset secret', () => {
    expect(secretMatches('rahasia', 'rahasia')).toBe(true);
    expect(secretMatches('rahasiA', 'rahasia')).toBe(false);
    expect(secretMatches('rahasia', undefined)).toBe(false);
    expect(secretMatches('', '')).toBe(false);
    expect(secretMatches(null, 'rahasia')).toBe(false);
  });
});
