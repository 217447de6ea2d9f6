import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { SHARE_CARD_SIZE, shareCard } from '@/lib/og/share-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Warta';
export const dynamicParams = false;

export function generateStaticParams() {
  return getContent().articles.map((article) => ({ slug: article.slug }));
}

export default async function ArticleShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const article = content.article((await params).slug);
  if (!article) notFound();
  return shareCard({ kicker: content.section(article.section)?.name ?? '', title: article.title });
}
