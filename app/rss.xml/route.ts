import { getContent } from '@/lib/content';
import { rssResponse, siteFeed } from '@/lib/feeds';

/** Lists change when a scheduled story comes out: regenerate at most once a minute. */
export const dynamic = 'force-static';
export const revalidate = 60;


export function GET() {
  return rssResponse(siteFeed(getContent(), 'rss'));
}
