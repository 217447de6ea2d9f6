import { getContent } from '@/lib/content';
import { jsonFeedResponse, siteFeed } from '@/lib/feeds';

export const dynamic = 'force-static';

export function GET() {
  return jsonFeedResponse(siteFeed(getContent(), 'json'));
}
