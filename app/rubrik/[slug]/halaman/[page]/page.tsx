import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/ListingView';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { pageNumbersBeyondFirst, pageOf, parsePageSegment } from '@/lib/pages';
import { routes } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';

export const dynamicParams = false;

export function generateStaticParams() {
  const content = getContent();
  return content.sections.flatMap((section) =>
    pageNumbersBeyondFirst(content.storiesBySection(section.slug).length).map((page) => ({ slug: section.slug, page })),
  );
}

type Props = { params: Promise<{ slug: string; page: string }> };

function resolve(slug: string, segment: string) {
  const content = getContent();
  const section = content.section(slug);
  const number = parsePageSegment(segment);
  const page = section && number ? pageOf(content.storiesBySection(slug), number) : null;
  return section && page ? { section, page } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const found = resolve(slug, page);
  if (!found) return {};
  return pageMetadata({
    title: `${found.section.name} — ${t.pageOf(found.page.page, found.page.totalPages)}`,
    description: found.section.description,
    path: routes.section(slug, found.page.page),
    feed: { url: routes.sectionFeed(slug), title: t.rssFeedOf(found.section.name) },
  });
}

export default async function SectionPageN({ params }: Props) {
  const { slug, page } = await params;
  const found = resolve(slug, page);
  if (!found) notFound();
  return (
    <ListingView
      crumbs={[{ name: t.home, href: routes.home() }]}
      kicker={t.sections}
      title={found.section.name}
      intro={<p>{found.section.description}</p>}
      page={found.page}
      hrefFor={(p) => routes.section(slug, p)}
    />
  );
}
