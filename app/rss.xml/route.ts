import { getContent } from '@/lib/content';
import { rssResponse, siteFeed } from '@/lib/feeds';

export const dynamic = 'force-static';

export function GET() {
  return rssResponse(siteFeed(getContent(), 'rss'));
}
