import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TagView } from '@/components/TagView';
import { getContent } from '@/lib/content';
import { pageOf } from '@/lib/pages';
import { routes } from '@/lib/routes';

export const dynamicParams = false;

export function generateStaticParams() {
  return getContent().tagsWithCounts().map((tag) => ({ slug: tag.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getContent().tag((await params).slug);
  if (!tag) return {};
  return { title: tag.name, description: tag.description, alternates: { canonical: routes.tag(tag.slug) } };
}

export default async function TagPage({ params }: Props) {
  const content = getContent();
  const tag = content.tag((await params).slug);
  if (!tag) notFound();
  const page = pageOf(content.storiesByTag(tag.slug), 1)!;
  return <TagView tag={tag} page={page} relatedTags={content.relatedTags(tag.slug, 8)} />;
}
