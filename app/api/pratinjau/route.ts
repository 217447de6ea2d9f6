import { cookies, draftMode } from 'next/headers';
import { getPreviewContent } from '@/lib/content';
import { PREVIEW_COOKIE, previewCookieOptions, previewSessionValue, secretMatches } from '@/lib/newsroom/preview';
import { routes } from '@/lib/routes';
import { env } from '@/lib/env';

/**
 * GET /api/pratinjau?secret=…&slug=… — starts an editor's preview session (draft mode plus our
 * signed session cookie, lib/newsroom/preview.ts) and opens the story (drafts and scheduled
 * stories included). A missing or wrong secret gets 401 and changes nothing. The secret is
 * PREVIEW_SECRET from the environment; unset, previews are off.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const secret = env().PREVIEW_SECRET;
  if (!secretMatches(url.searchParams.get('secret'), secret)) {
    return new Response('401: rahasia pratinjau salah atau tidak ada.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const slug = url.searchParams.get('slug') ?? '';
  const article = getPreviewContent().article(slug);
  if (slug && !article) {
    return new Response(`404: tidak ada artikel "${slug}".\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  (await draftMode()).enable();
  const https = url.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  (await cookies()).set(PREVIEW_COOKIE, previewSessionValue(secret!), previewCookieOptions(https));
  return new Response(null, { status: 307, headers: { Location: article ? routes.article(article.slug) : routes.home() } });
}
