import { getContent } from '@/lib/content';
import { renderSitemap, sitemapEntries, xmlResponse } from '@/lib/sitemaps';

/** Lists change when a scheduled story comes out: regenerate at most once a minute. */
export const dynamic = 'force-static';
export const revalidate = 60;


export async function GET() {
  return xmlResponse(await renderSitemap(sitemapEntries(getContent())));
}
