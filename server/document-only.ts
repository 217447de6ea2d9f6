/**
 * Warta's pages are server components that work with JavaScript off, so a reader's browser has
 * nothing to hydrate: the App Router runtime (~131 KB gzip) and the React Server Components
 * payload inlined in every page (about half its HTML) only cost a phone time. Next.js has no
 * switch for a page without its runtime (vercel/next.js#45009), so the server takes them out of
 * the HTML as served. What stays: the document, its CSS, data blocks (JSON-LD) and our own small
 * inline scripts (the read beacon). See docs/decisions/0002-document-only-pages.md.
 */

/** Inline scripts that belong to the framework: the RSC payload and Turbopack's chunk list. */
const FRAMEWORK_INLINE = /^\s*\(?(?:self\.__next_f\b|globalThis\["TURBOPACK"\])/;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bhref="\/_next\/static\/[^"]*\.js")[^>]*>/gi;
const FRAMEWORK_SRC = /\ssrc="\/_next\/static\/[^"]*"/i;

/** The document without the App Router's scripts, script preloads and RSC payload. */
export function withoutFrameworkRuntime(html: string): string {
  return html
    .replace(SCRIPT, (script, attributes: string, body: string) =>
      FRAMEWORK_SRC.test(attributes) || (!/\ssrc=/i.test(attributes) && FRAMEWORK_INLINE.test(body)) ? '' : script,
    )
    .replace(SCRIPT_PRELOAD, '');
}

/**
 * Whether a response is sent as a plain document: production pages that rendered (2xx) or are
 * the 404 page. An error page (5xx) keeps the runtime, so its "try again" button works.
 */
export function servesDocumentOnly(status: number, dev: boolean): boolean {
  return !dev && ((status >= 200 && status < 300) || status === 404);
}
