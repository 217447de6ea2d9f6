import { notFound } from 'next/navigation';
import { getContent, getLiveReports } from '@/lib/content';
import { renderUrlset, sitemapChunk, sitemapEntries, xmlResponse } from '@/lib/sitemaps';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

/**
 * Only exists once the site has more than 50,000 URLs and /sitemap.xml is an index. Each file is
 * drawn on its first request (about a second for 50,000 URLs), then cached like any ISR page: the
 * build need not spend seconds per file on what crawlers fetch a few times a day.
 */
export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d+)\.xml$/.exec((await params).file);
  const chunk = match ? sitemapChunk(sitemapEntries(getContent(), getLiveReports()), Number(match[1])) : null;
  if (!chunk) notFound();
  return xmlResponse(await renderUrlset(chunk));
}
