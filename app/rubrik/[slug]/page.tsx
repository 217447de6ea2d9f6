import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/ListingView';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { pageOf } from '@/lib/pages';
import { routes } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().sections.map((section) => ({ slug: section.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = getContent().section((await params).slug);
  if (!section) return {};
  return pageMetadata({
    title: section.name,
    description: section.description,
    path: routes.section(section.slug),
    feed: { url: routes.sectionFeed(section.slug), title: t.rssFeedOf(section.name) },
  });
}

export default async function SectionPage({ params }: Props) {
  const content = getContent();
  const section = content.section((await params).slug);
  if (!section) notFound();
  return (
    <ListingView
      crumbs={[{ name: t.home, href: routes.home() }]}
      kicker={t.sections}
      title={section.name}
      intro={<p>{section.description}</p>}
      page={pageOf(content.storiesBySection(section.slug), 1)!}
      hrefFor={(p) => routes.section(section.slug, p)}
    />
  );
}
