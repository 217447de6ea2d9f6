import type { IncomingMessage, ServerResponse } from 'node:http';
import { getContent, getPreviewContent } from '../lib/content';
import { dynamicPathExists } from '../lib/known-paths';

/** Sections of the site whose slugs are lower-case: other spellings redirect to the canonical URL. */
const SLUG_ROUTES = /^\/(berita|topik|rubrik|penulis|cari)(\/|$)/;
/** A path that names no page: Next.js answers it with the site's 404 page. */
export const NOT_FOUND_PATH = '/halaman-tidak-ditemukan';

/**
 * Checks that run before Next.js sees a request. Returns true when the response is already sent
 * (a redirect); may rewrite req.url to the 404 path — for undecodable paths, and for URLs under a
 * dynamic route that name nothing (so they never become ISR cache files on disk). Kept out of a Next.js proxy because a proxy
 * runs in its own sandbox on every request and halved origin throughput (BENCHMARKS.md).
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);

  if (req.headers['x-forwarded-proto'] === 'https' || (req.socket as { encrypted?: boolean }).encrypted) {
    res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
  }
  // Not valid percent-encoding (e.g. /berita/%E0%A4%A): no page has that name.
  try {
    decodeURIComponent(pathname);
  } catch {
    req.url = NOT_FOUND_PATH;
    return false;
  }
  // Slugs are lower-case: /berita/JUDUL and /Berita/judul get a permanent redirect.
  // Percent-escapes keep their case (%2F is not a slug letter).
  const lower = pathname.replace(/%[0-9A-Fa-f]{2}|[A-Z]/g, (m) => (m.length === 3 ? m : m.toLowerCase()));
  if (lower !== pathname && SLUG_ROUTES.test(lower)) {
    res.statusCode = 308;
    res.setHeader('Location', lower + query);
    res.end();
    return true;
  }
  if (dynamicPathExists(pathname, getContent(), getPreviewContent()) === false) req.url = NOT_FOUND_PATH;
  return false;
}
