import fs from 'node:fs';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/security/csp';

/** Per-page script hashes from the build (scripts/csp-hashes.ts); read once per server. */
let hashes: Record<string, string[]> | undefined;
function hashManifest(): Record<string, string[]> {
  if (!hashes) {
    try {
      hashes = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next', 'csp-hashes.json'), 'utf8')) as Record<string, string[]>;
    } catch {
      hashes = {};
    }
  }
  return hashes;
}

const dev = process.env.NODE_ENV === 'development';

/**
 * Sets the Content-Security-Policy of every page: hashes for prerendered pages (they stay
 * static), a fresh nonce for pages rendered per request, which Next.js applies to its scripts.
 */
export function proxy(request: NextRequest) {
  // A path that is not valid percent-encoding names no page: answer with the 404 page, not a 500.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.rewrite(new URL('/halaman-tidak-ditemukan', request.url));
  }
  // Slugs are lower-case: /berita/JUDUL and /Berita/judul redirect to the canonical URL.
  // Percent-escapes keep their case (%2F is not a slug letter).
  const lower = request.nextUrl.pathname.replace(/%[0-9A-Fa-f]{2}|[A-Z]/g, (m) => (m.length === 3 ? m : m.toLowerCase()));
  if (lower !== request.nextUrl.pathname && /^\/(berita|topik|rubrik|penulis|cari)(\/|$)/.test(lower)) {
    const url = request.nextUrl.clone();
    url.pathname = lower;
    return NextResponse.redirect(url, 308);
  }
  const manifest = hashManifest();
  const pathname = request.nextUrl.pathname.replace(/\/+$/, '') || '/';
  const pageHashes = manifest[pathname];
  let policy: string;
  const requestHeaders = new Headers(request.headers);
  if (pageHashes) {
    policy = contentSecurityPolicy({ hashes: pageHashes }, dev);
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    // Unknown paths are answered by the prerendered not-found page, so its hashes come along.
    const fallback = [...new Set([...(manifest['/_not-found'] ?? []), ...(manifest['/_global-error'] ?? [])])];
    policy = contentSecurityPolicy({ nonce, hashes: fallback }, dev);
    requestHeaders.set('content-security-policy', policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  const forwardedProto = request.headers.get('x-forwarded-proto');
  if (request.nextUrl.protocol === 'https:' || forwardedProto === 'https') {
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
