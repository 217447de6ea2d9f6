import { notFound } from 'next/navigation';
import { siteConfig } from '@/lib/config';
import { getContent } from '@/lib/content';
import { buildFeed, rssResponse } from '@/lib/feeds';
import { routes } from '@/lib/routes';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().tagsWithCounts().map((tag) => ({ slug: tag.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const tag = content.tag((await params).slug);
  if (!tag) notFound();
  return rssResponse(
    buildFeed(
      {
        title: `${tag.name} | ${siteConfig.name}`,
        description: tag.description,
        pagePath: routes.tag(tag.slug),
        feedPath: routes.tagFeed(tag.slug),
        articles: content.storiesByTag(tag.slug),
      },
      content,
    ),
  );
}
