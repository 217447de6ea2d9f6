import { notFound } from 'next/navigation';
import { siteConfig } from '@/lib/config';
import { getContent } from '@/lib/content';
import { buildFeed, rssResponse } from '@/lib/feeds';
import { routes } from '@/lib/routes';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

// A tag feed is drawn on its first request, then cached like any ISR page: the build prerenders
// stories and the first page of each tag, and stays short for archives of 100,000 stories.
export function generateStaticParams(): { slug: string }[] {
  return [];
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
