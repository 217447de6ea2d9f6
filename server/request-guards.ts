import type { IncomingMessage, ServerResponse } from 'node:http';
import { getContent, storyExists } from '../lib/content';
import { pathNamesPage } from './known-paths';
import { canonicalPath } from './canonical-path';
import { type ImageRules, isAllowedImageRequest, isPublicFile } from './image-requests';

/** A path that names no page: Next.js answers it with the site's 404 page. */
export const NOT_FOUND_PATH = '/halaman-tidak-ditemukan';
/** Next.js's own assets and development endpoints: Next.js answers them (the optimiser is checked first). */
const FRAMEWORK_PATH = /^\/(?:_next|__nextjs)/;
const IMAGE_OPTIMISER = '/_next/image';

export interface RequestGuardOptions {
  images: ImageRules;
  /** Whether a canonical path names a page (default: the route table against the loaded content). */
  names?: (pathname: string) => boolean;
}

export type RequestGuard = (req: IncomingMessage, res: ServerResponse) => boolean;

function answer(res: ServerResponse, status: number, text: string): true {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
  return true;
}

/**
 * Checks that run before Next.js sees a request; returns true when the response is already sent.
 * The path is first made canonical (server/canonical-path.ts), as Next.js would resolve it, and
 * every decision is taken on that form, so no other spelling of a URL reaches the app:
 * - a request target that is not a path: absolute-form (`GET http://host/x`) is taken as its path
 *   (RFC 9112 §3.2.2: the server ignores the authority it names), anything else (`*`) gets 400;
 * - another spelling of a page (`/./berita/x`, `/BERITA/X`) gets a permanent redirect to its own;
 * - a path that names nothing (server/known-paths.ts) is answered with the 404 page, so it never
 *   becomes an ISR cache file on disk;
 * - /_next/image only for the images that exist, spelled one way (400 otherwise).
 * Kept out of a Next.js proxy because a proxy runs in its own sandbox on every request and halved
 * origin throughput (BENCHMARKS.md).
 */
export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const names = options.names ?? ((pathname: string) => pathNamesPage(pathname, getContent(), storyExists) || isPublicFile(options.images.publicDir, pathname));
  return (req, res) => {
    let url = req.url ?? '/';
    if (!url.startsWith('/')) {
      const absolute = /^https?:\/\/[^/?#]*(\/[^#]*)?$/i.exec(url);
      if (!absolute) return answer(res, 400, '400: the request target must be a path.\n');
      url = absolute[1] ?? '/';
      req.url = url;
    }
    if (req.headers['x-forwarded-proto'] === 'https' || (req.socket as { encrypted?: boolean }).encrypted) {
      res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
    }
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = queryAt === -1 ? '' : url.slice(queryAt);
    const canonical = canonicalPath(pathname);
    if (canonical === null) {
      req.url = NOT_FOUND_PATH;
      return false;
    }
    if (FRAMEWORK_PATH.test(canonical)) {
      if (canonical !== pathname) {
        req.url = NOT_FOUND_PATH;
        return false;
      }
      if (pathname === IMAGE_OPTIMISER && !isAllowedImageRequest(query.slice(1), options.images)) {
        return answer(res, 400, '400: no such image; ask for /_next/image?url=/images/…&w=…&q=… as the pages do.\n');
      }
      return false;
    }
    if (!names(canonical)) {
      req.url = NOT_FOUND_PATH;
      return false;
    }
    if (canonical !== pathname) {
      res.statusCode = 308;
      res.setHeader('Location', canonical + query);
      res.end();
      return true;
    }
    return false;
  };
}
