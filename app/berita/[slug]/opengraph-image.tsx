import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { SHARE_CARD_SIZE, shareCard } from '@/lib/og/share-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Warta';
// Drawn when a story is first shared, not at build: a build would spend most of its time on
// images few stories are ever shared with. Refreshed hourly at most.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

export default async function ArticleShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const article = content.article((await params).slug);
  if (!article) notFound();
  return shareCard({ kicker: content.section(article.section)?.name ?? '', title: article.title });
}
