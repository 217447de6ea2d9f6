import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/security/csp';
import { pageHashes } from './lib/security/page-hashes';

const dev = process.env.NODE_ENV === 'development';

/**
 * Per-request security. Content-Security-Policy: prerendered pages get the hashes of their own
 * inline scripts (read from the built — or regenerated — HTML), so they stay static and
 * cacheable; pages rendered per request get a fresh nonce, which Next.js applies to its scripts.
 * Also: HSTS over HTTPS, 404 for undecodable paths, and canonical lower-case slugs.
 * See docs/decisions/0001-csp.md.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A path that is not valid percent-encoding names no page: answer with the 404 page, not a 500.
  try {
    decodeURIComponent(pathname);
  } catch {
    return NextResponse.rewrite(new URL('/halaman-tidak-ditemukan', request.url));
  }
  // Slugs are lower-case: /berita/JUDUL and /Berita/judul redirect to the canonical URL.
  // Percent-escapes keep their case (%2F is not a slug letter).
  const lower = pathname.replace(/%[0-9A-Fa-f]{2}|[A-Z]/g, (m) => (m.length === 3 ? m : m.toLowerCase()));
  if (lower !== pathname && /^\/(berita|topik|rubrik|penulis|cari)(\/|$)/.test(lower)) {
    const url = request.nextUrl.clone();
    url.pathname = lower;
    return NextResponse.redirect(url, 308);
  }

  // Draft-mode (preview) requests are rendered per request even on static routes.
  const preview = request.cookies.has('__prerender_bypass');
  const hashes = preview ? undefined : pageHashes(pathname.replace(/\/+$/, '') || '/');
  const requestHeaders = new Headers(request.headers);
  let policy: string;
  if (hashes) {
    policy = contentSecurityPolicy({ hashes }, dev);
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    // Unknown paths are answered by the prerendered not-found page, so its hashes come along.
    policy = contentSecurityPolicy({ nonce, hashes: pageHashes('/_not-found') ?? [] }, dev);
    requestHeaders.set('content-security-policy', policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not static files, optimised images, client-navigation payloads or prefetches.
      source: '/((?!_next/static|_next/image|images/|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'rsc' },
      ],
    },
  ],
};
