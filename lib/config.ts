import type { Locale } from './i18n/types';

/**
 * Site-wide settings. Deployment-specific values come from the environment so one build
 * recipe serves every environment; everything else is fixed here.
 */
function readLocale(): Locale {
  const value = process.env.WARTA_LOCALE ?? 'id';
  if (value !== 'id' && value !== 'en') {
    throw new Error(`WARTA_LOCALE must be "id" or "en" (got "${value}").`);
  }
  return value;
}

/** The origin pages name when SITE_URL was not set at build: right for a laptop only. */
export const DEFAULT_SITE_URL = 'http://localhost:3000';

export const siteConfig = {
  name: 'Warta',
  /** Absolute origin used for share links and canonical URLs: the build's (next.config.js inlines it). */
  url: (process.env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, ''),
  /** UI language; switch with WARTA_LOCALE=en. */
  locale: readLocale(),
  /** Every date on the site is computed in this zone, so a story is never shown a day off. */
  timeZone: 'Asia/Jakarta',
  /** Stories per page on tag, section and author listings. */
  pageSize: 10,
} as const;
