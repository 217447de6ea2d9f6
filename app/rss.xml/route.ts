import { getContent, getLiveReports } from '@/lib/content';
import { rssResponse, siteFeed } from '@/lib/feeds';

export const dynamic = 'force-static';
// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function GET() {
  return rssResponse(siteFeed(getContent(), 'rss', getLiveReports()));
}
