import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/ListingView';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { listingMetadata, listingPage } from '@/lib/listings';
import { routes } from '@/lib/routes';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().sections.map((section) => ({ slug: section.slug }));
}

type Props = { params: Promise<{ slug: string; page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return listingMetadata('section', getContent(), slug, page);
}

/** A section's stories, newest first: page 1 here, page n in halaman/[page] (the same page). */
export default async function SectionPage({ params }: Props) {
  const { slug, page } = await params;
  const found = listingPage('section', getContent(), slug, page);
  if (!found) notFound();
  return (
    <ListingView
      crumbs={[{ name: t.home, href: routes.home() }]}
      kicker={t.sections}
      title={found.subject.name}
      intro={<p>{found.subject.description}</p>}
      page={found.page}
      hrefFor={(p) => routes.section(slug, p)}
    />
  );
}
