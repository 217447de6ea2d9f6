import { getContent } from '@/lib/content';
import { atomResponse, siteFeed } from '@/lib/feeds';

export const dynamic = 'force-static';

export function GET() {
  return atomResponse(siteFeed(getContent(), 'atom'));
}
