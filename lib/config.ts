import { env } from './env';
import { TIME_ZONE } from './i18n/zone';

/**
 * Site-wide settings: fixed here, or from the environment (lib/env.ts) where they differ between
 * deployments, so one build recipe serves every environment.
 */

/** The origin pages name when SITE_URL was not set at build: right for a laptop only. */
export const DEFAULT_SITE_URL = 'http://localhost:3000';

export const siteConfig = {
  name: 'Warta',
  /** Absolute origin used for share links and canonical URLs: the build's (next.config.js inlines it). */
  url: env().SITE_URL ?? DEFAULT_SITE_URL,
  /** UI language; switch with WARTA_LOCALE=en. */
  locale: env().WARTA_LOCALE,
  /** Every date on the site is computed in this zone, so a story is never shown a day off. */
  timeZone: TIME_ZONE,
  /** Stories per page on tag, section and author listings. */
  pageSize: 10,
} as const;
