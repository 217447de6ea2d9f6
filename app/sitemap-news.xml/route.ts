import { getContent } from '@/lib/content';
import { renderNewsSitemap, xmlResponse } from '@/lib/sitemaps';

// The 48-hour window moves with the clock: regenerate at most every five minutes.
export const revalidate = 300;

export async function GET() {
  return xmlResponse(await renderNewsSitemap(getContent(), Date.now()), 300);
}
