import { getContent } from '@/lib/content';
import { renderNewsSitemap, xmlResponse } from '@/lib/sitemaps';

// The 48-hour window moves with the clock, and scheduled stories come out: regenerate each minute.
export const revalidate = 60;

export async function GET() {
  return xmlResponse(await renderNewsSitemap(getContent(), Date.now()), 300);
}
