import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { prerenderedArticleParams } from '@/lib/pages';
import { SHARE_CARD_SIZE, shareCard } from '@/lib/og/share-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Warta';
// Share cards change only with the headline: refreshed hourly at most.
export const revalidate = 3600;

export const generateStaticParams = prerenderedArticleParams;

export default async function ArticleShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const article = content.article((await params).slug);
  if (!article) notFound();
  return shareCard({ kicker: content.section(article.section)?.name ?? '', title: article.title });
}
