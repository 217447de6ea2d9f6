import { notFound } from 'next/navigation';
import { siteConfig } from '@/lib/config';
import { getContent } from '@/lib/content';
import { buildFeed, rssResponse } from '@/lib/feeds';
import { routes } from '@/lib/routes';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().sections.map((section) => ({ slug: section.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const section = content.section((await params).slug);
  if (!section) notFound();
  return rssResponse(
    buildFeed(
      {
        title: `${section.name} | ${siteConfig.name}`,
        description: section.description,
        pagePath: routes.section(section.slug),
        feedPath: routes.sectionFeed(section.slug),
        articles: content.storiesBySection(section.slug),
      },
      content,
    ),
  );
}
