import { LOWER_CASE_PREFIXES } from '../lib/routes';

/** Percent-escapes of unreserved characters name the same resource as the characters (RFC 3986 §6.2.2.2). */
const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** Sections of the site whose slugs are lower-case: other spellings are the same page. */
const LOWER_CASE_ROUTES = new RegExp(`^/(${LOWER_CASE_PREFIXES.join('|')})(/|$)`);

/**
 * The one spelling of a request path that the site decides on, resolved the way Next.js and
 * browsers resolve it (WHATWG URL): escapes of unreserved characters decoded (`%62erita` is
 * `berita`), dot segments resolved (`/./`, `/x/../`, `/%2e/`), backslashes as slashes, repeated
 * slashes and a trailing slash dropped, and slugs lower-cased. Other escapes stay, upper-cased.
 * null when the path is not valid percent-encoding: it names nothing.
 */
export function canonicalPath(pathname: string): string | null {
  try {
    decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const decoded = pathname.replace(/%([0-9A-Fa-f]{2})/g, (sequence, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : sequence.toUpperCase();
  });
  let path = new URL(`http://warta.invalid${decoded.startsWith('/') ? '' : '/'}${decoded}`).pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const lower = path.replace(/%[0-9A-F]{2}|[A-Z]/g, (m) => (m.length === 3 ? m : m.toLowerCase()));
  return LOWER_CASE_ROUTES.test(lower) ? lower : path;
}
