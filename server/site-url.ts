import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SITE_URL } from '../lib/config';
import { env } from '../lib/env';

/**
 * SITE_URL is fixed at build (next.config.js inlines it into every page, feed, sitemap and
 * robots.txt), so the start can only warn: when it is unset, every absolute URL the site gives
 * out says localhost; when the running value differs from the build's, the build's is the one
 * readers and crawlers get until the next build.
 */
const trim = (url: string | undefined) => (url ?? '').trim().replace(/\/+$/, '');

/**
 * Warnings for a production start, given the SITE_URL now and the one the build was made with
 * ('' = unset then; undefined = not known, e.g. no build yet).
 */
export function siteUrlWarnings(running: string | undefined, built: string | undefined): string[] {
  const now = trim(running);
  const warnings: string[] = [];
  if (built !== undefined && !trim(built)) {
    warnings.push(
      `SITE_URL was not set when this build was made: canonical URLs, og:url, sitemaps, robots.txt and feeds all say ${DEFAULT_SITE_URL}. ` +
        'Set SITE_URL (e.g. https://warta.example) and run npm run build again.',
    );
  }
  if (!now) warnings.push('SITE_URL is not set. It is read at build time: set it in the environment of both npm run build and npm start.');
  else if (built !== undefined && now !== trim(built)) {
    warnings.push(`SITE_URL is ${now} but this build was made with ${trim(built) || 'none'}; pages keep the build's value. Run npm run build again with SITE_URL=${now}.`);
  }
  return warnings;
}

/** The SITE_URL a build was made with (next.config.js env, kept in required-server-files.json); undefined when unknown. */
export function builtSiteUrl(distDir: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'required-server-files.json'), 'utf8')) as { config?: { env?: Record<string, string> } };
    return manifest.config?.env?.SITE_URL;
  } catch {
    return undefined;
  }
}

/** Warns loudly at a production start when SITE_URL is unset or is not the build's. */
export function warnAboutSiteUrl(dev: boolean, distDir = env().WARTA_DIST_DIR, log: (line: string) => void = console.warn): void {
  if (dev) return;
  for (const warning of siteUrlWarnings(env().SITE_URL, builtSiteUrl(distDir))) log(`\n⚠ ⚠ ⚠  ${warning}\n`);
}
