import { createHash } from 'node:crypto';
import { inlineScripts } from './document-only';

/**
 * Content-Security-Policy for Warta. Every HTML response gets the SHA-256 hashes of its own inline
 * scripts, computed from the bytes served (server/html-as-served.ts), so prerendered, regenerated
 * and per-request pages all run without 'unsafe-inline' or 'unsafe-eval' and stay cacheable.
 * See docs/decisions/0001-csp.md.
 */
export function contentSecurityPolicy(hashes: string[], dev = false): string {
  const scriptSrc = ["'self'", ...hashes.map((h) => `'${h}'`)];
  // Development only: React's dev tooling evaluates code; production never allows it.
  if (dev) scriptSrc.push("'unsafe-eval'", "'unsafe-inline'");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    // next/image writes style attributes (e.g. color:transparent); no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/** CSP source expressions ('sha256-…') for the distinct inline scripts of an HTML document. */
export function hashScripts(html: string): string[] {
  return [...new Set(inlineScripts(html).map((s) => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`))];
}
