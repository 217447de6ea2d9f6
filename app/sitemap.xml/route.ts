import { getContent, getLiveReports } from '@/lib/content';
import { renderSitemap, sitemapEntries, xmlResponse } from '@/lib/sitemaps';

export const dynamic = 'force-static';
// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export async function GET() {
  return xmlResponse(await renderSitemap(sitemapEntries(getContent(), getLiveReports())));
}
