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
  return getContent()
    .articles.flatMap((a) => a.authors)
    .filter((slug, i, all) => all.indexOf(slug) === i)
    .map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = getContent().author((await params).slug);
  if (!author) return {};
  return pageMetadata({ title: author.name, description: author.bio, path: routes.author(author.slug) });
}

export default async function AuthorPage({ params }: Props) {
  const content = getContent();
  const author = content.author((await params).slug);
  if (!author) notFound();
  return (
    <ListingView
      crumbs={[{ name: t.home, href: routes.home() }]}
      kicker={t.authorStories(author.name)}
      title={author.name}
      intro={<p>{author.bio}</p>}
      page={pageOf(content.storiesByAuthor(author.slug), 1)!}
      hrefFor={(p) => routes.author(author.slug, p)}
    />
  );
}
