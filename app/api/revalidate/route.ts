import { revalidatePath } from 'next/cache';
import { ContentValidationError, formatProblem, getLiveReports, reloadContent } from '@/lib/content';
import { PAGED_ROUTE_PATTERNS, parseRevalidationRequest, pathsShowing, pathsShowingLive } from '@/lib/newsroom/revalidation';
import { secretMatches } from '@/lib/newsroom/preview';
import { env } from '@/lib/env';
import { FANOUT_HEADER, publishRevalidation } from '@/lib/cluster/fanout';

const json = (body: unknown, status: number) =>
  new Response(`${JSON.stringify(body, null, 2)}\n`, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * POST /api/revalidate — for a CMS webhook or a git hook after new content is in place.
 * Header `Authorization: Bearer <REVALIDATE_SECRET>`; body `{"slugs": ["…"]}`. Re-reads content/,
 * then marks the named stories and every page that lists them for regeneration on their next
 * request. 401 for a bad or missing secret, 400 for a malformed body, 422 when the content is
 * invalid (the site keeps serving what it had), 503 when content.db cannot be written, 404 when
 * no named story or live report exists.
 */
export async function POST(request: Request) {
  const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
  if (!secretMatches(token, env().REVALIDATE_SECRET)) {
    return json({ error: 'unauthorised: send Authorization: Bearer <REVALIDATE_SECRET>' }, 401);
  }
  const parsed = parseRevalidationRequest(await request.text());
  if (!parsed.ok) return json({ error: parsed.reason }, 400);

  let stores: ReturnType<typeof reloadContent>;
  try {
    stores = reloadContent();
  } catch (error) {
    if (error instanceof ContentValidationError) {
      return json({ error: 'content is invalid; nothing was changed', problems: error.problems.map(formatProblem) }, 422);
    }
    // content.db could not be written (a read-only or damaged file): the site keeps what it had.
    if ((error as Error).name === 'SqliteError') {
      return json({ error: `the content database could not be updated (${(error as Error).message}); nothing was changed: run \`npm run build\`` }, 503);
    }
    throw error;
  }
  const stories = pathsShowing(parsed.value.slugs, stores.before, stores.after);
  const live = pathsShowingLive(stories.unknown, getLiveReports(true));
  const unknown = stories.unknown.filter((slug) => !live.found.includes(slug));
  // The site-wide pages (home, feeds, sitemaps) list live reports too.
  const paths = [...new Set([...stories.paths, ...live.paths])];
  if (unknown.length === parsed.value.slugs.length) return json({ error: `no such article or live report: ${unknown.join(', ')}`, unknown }, 404);
  for (const path of paths) revalidatePath(path);
  for (const pattern of PAGED_ROUTE_PATTERNS) revalidatePath(pattern, 'page');
  // Every other instance does the same (cluster); server/index.ts drops the header unless loopback.
  if (request.headers.get(FANOUT_HEADER) !== '1') await publishRevalidation(env().REDIS_URL, parsed.value.slugs);
  return json({ revalidated: paths, unknown }, 200);
}
