import { draftMode } from 'next/headers';
import { getPreviewContent } from '@/lib/content';
import { secretMatches } from '@/lib/newsroom/preview';
import { routes } from '@/lib/routes';

/**
 * GET /api/pratinjau?secret=…&slug=… — switches on Next.js draft mode for an editor and opens
 * the story (drafts and scheduled stories included). A missing or wrong secret gets 401 and
 * changes nothing. The secret is PREVIEW_SECRET from the environment.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  if (!secretMatches(url.searchParams.get('secret'), process.env.PREVIEW_SECRET)) {
    return new Response('401: rahasia pratinjau salah atau tidak ada.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const slug = url.searchParams.get('slug') ?? '';
  const article = getPreviewContent().article(slug);
  if (slug && !article) {
    return new Response(`404: tidak ada artikel "${slug}".\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  (await draftMode()).enable();
  return new Response(null, { status: 307, headers: { Location: article ? routes.article(article.slug) : routes.home() } });
}
