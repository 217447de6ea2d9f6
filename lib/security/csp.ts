/**
 * Content-Security-Policy for Warta. Prerendered pages get the SHA-256 hashes of their own
 * inline scripts (computed from the built HTML by scripts/csp-hashes.ts), so they stay static
 * and cacheable; pages rendered per request (search, errors) get a nonce instead.
 * Never 'unsafe-inline' or 'unsafe-eval' for scripts. See docs/decisions/0001-csp.md.
 */
export interface CspSources {
  hashes?: string[];
  nonce?: string;
}

export function contentSecurityPolicy({ hashes = [], nonce }: CspSources, dev = false): string {
  const scriptSrc = ["'self'", ...hashes.map((h) => `'${h}'`)];
  if (nonce) scriptSrc.push(`'nonce-${nonce}'`);
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

/** Inline scripts of an HTML document that CSP governs: classic or module scripts, not data blocks. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = /\stype=["']?([^"'\s>]+)/i.exec(match[1] ?? '')?.[1]?.toLowerCase();
    const executable = !type || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
    if (executable && match[2]) scripts.push(match[2]);
  }
  return scripts;
}
