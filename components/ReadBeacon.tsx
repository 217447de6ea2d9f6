/**
 * Counts one read of the article (POST /api/terbaca, body = slug) once the page is actually
 * seen: not while prerendered or in a background tab. A plain inline script, not a client
 * component: pages are sent without the React runtime (server/document-only.ts). The text is the
 * same on every article (the slug is a data attribute), so its CSP hash is one and the same.
 * Sends nothing but the slug; sets no cookie.
 */
export const READ_BEACON_SCRIPT = [
  '(function(s){var d=document,slug=s.dataset.slug;',
  'function off(){d.removeEventListener("visibilitychange",send);d.removeEventListener("prerenderingchange",send)}',
  'function send(){if(d.visibilityState!=="visible"||d.prerendering)return;',
  'if(navigator.sendBeacon)navigator.sendBeacon("/api/terbaca",slug);off()}',
  'd.addEventListener("visibilitychange",send);d.addEventListener("prerenderingchange",send);send()',
  '})(document.currentScript)',
].join('');

export function ReadBeacon({ slug }: { slug: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, hashed into the CSP per response.
  return <script data-slug={slug} dangerouslySetInnerHTML={{ __html: READ_BEACON_SCRIPT }} />;
}
