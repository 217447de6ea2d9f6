import { getContent } from '@/lib/content';
import { renderSitemap, sitemapEntries, xmlResponse } from '@/lib/sitemaps';

export const dynamic = 'force-static';

export async function GET() {
  return xmlResponse(await renderSitemap(sitemapEntries(getContent())));
}
