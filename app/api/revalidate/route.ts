import { revalidatePath } from 'next/cache';
import { getContent, reloadContent } from '@/lib/content';
import { ContentValidationError } from '@/lib/content/problems';
import { pathsShowing, revalidateBody, secretFrom, secretMatches } from '@/lib/newsroom/revalidate';

/**
 * POST /api/revalidate — for a CMS webhook or a git hook after content/ changed.
 * Auth: "Authorization: Bearer $REVALIDATE_SECRET". Body: {"slug": "…"} or {"slugs": […]}.
 * Re-reads content/ (keeping the old content if the new is invalid) and refreshes the article
 * and every page that lists it.
 */
export async function POST(request: Request) {
  if (!secretMatches(secretFrom(request.headers), process.env.REVALIDATE_SECRET)) {
    return Response.json({ error: 'unauthorized: send Authorization: Bearer <REVALIDATE_SECRET>' }, { status: 401 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'body must be JSON, e.g. {"slug": "judul-berita"}' }, { status: 400 });
  }
  const parsed = revalidateBody.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: `invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}` }, { status: 400 });
  }
  const slugs = 'slug' in parsed.data ? [parsed.data.slug] : parsed.data.slugs;
  // Pages that listed the article before the edit must refresh too (e.g. a tag it lost).
  const before = pathsShowing(slugs, getContent());
  try {
    reloadContent();
  } catch (error) {
    if (error instanceof ContentValidationError) {
      return Response.json({ error: 'content is invalid; the site keeps the previous version', problems: error.problems }, { status: 422 });
    }
    throw error;
  }
  const paths = [...new Set([...before, ...pathsShowing(slugs, getContent())])];
  for (const path of paths) revalidatePath(path);
  return Response.json({ revalidated: true, slugs, paths, now: Date.now() });
}
