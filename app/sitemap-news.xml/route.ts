import { getContent } from '@/lib/content';
import { renderNewsSitemap, xmlResponse } from '@/lib/sitemaps';

// The 48-hour window moves with the clock, and new stories must appear quickly: at most a minute.
export const revalidate = 60;

export async function GET() {
  return xmlResponse(await renderNewsSitemap(getContent(), Date.now()), 60);
}
