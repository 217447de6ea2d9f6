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
  return getContent()
    .articles.flatMap((a) => a.authors)
    .filter((slug, i, all) => all.indexOf(slug) === i)
    .map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string; page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return listingMetadata('author', getContent(), slug, page);
}

/** An author's stories, newest first: page 1 here, page n in halaman/[page] (the same page). */
export default async function AuthorPage({ params }: Props) {
  const { slug, page } = await params;
  const found = listingPage('author', getContent(), slug, page);
  if (!found) notFound();
  return (
    <ListingView
      crumbs={[{ name: t.home, href: routes.home() }]}
      kicker={t.authorStories(found.subject.name)}
      title={found.subject.name}
      intro={<p>{found.subject.bio}</p>}
      page={found.page}
      hrefFor={(p) => routes.author(slug, p)}
    />
  );
}
