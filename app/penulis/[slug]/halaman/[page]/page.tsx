import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingView } from '@/components/ListingView';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { pageOf, parsePageSegment } from '@/lib/pages';
import { routes } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

/** Pages 2…n render on first request and are then cached like the rest (see lib/pages.ts). */
export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

function resolve(slug: string, segment: string) {
  const content = getContent();
  const author = content.author(slug);
  const number = parsePageSegment(segment);
  const page = author && number ? pageOf(content.storiesByAuthor(slug), number) : null;
  return author && page ? { author, page } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const found = resolve(slug, page);
  if (!found) return {};
  return pageMetadata({
    title: `${found.author.name} — ${t.pageOf(found.page.page, found.page.totalPages)}`,
    description: found.author.bio,
    path: routes.author(slug, found.page.page),
  });
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, page } = await params;
  const found = resolve(slug, page);
  if (!found) notFound();
  return (
    <ListingView
      crumbs={[{ name: t.home, href: routes.home() }]}
      kicker={t.authorStories(found.author.name)}
      title={found.author.name}
      intro={<p>{found.author.bio}</p>}
      page={found.page}
      hrefFor={(p) => routes.author(slug, p)}
    />
  );
}
