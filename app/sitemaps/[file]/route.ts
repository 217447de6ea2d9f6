import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { MAX_URLS_PER_SITEMAP, renderUrlset, sitemapChunk, sitemapEntries, xmlResponse } from '@/lib/sitemaps';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

/** Only exists once the site has more than 50,000 URLs and /sitemap.xml is an index. */
export function generateStaticParams() {
  const count = sitemapEntries(getContent()).length;
  if (count <= MAX_URLS_PER_SITEMAP) return [];
  return Array.from({ length: Math.ceil(count / MAX_URLS_PER_SITEMAP) }, (_, n) => ({ file: `${n}.xml` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d+)\.xml$/.exec((await params).file);
  const chunk = match ? sitemapChunk(sitemapEntries(getContent()), Number(match[1])) : null;
  if (!chunk) notFound();
  return xmlResponse(await renderUrlset(chunk));
}
