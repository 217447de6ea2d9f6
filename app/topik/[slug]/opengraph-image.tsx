import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { SHARE_CARD_SIZE, shareCard } from '@/lib/og/share-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Warta';
// Share cards change only with the tag's name: drawn on first request, refreshed hourly at most.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

export default async function TagShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const tag = getContent().tag((await params).slug);
  if (!tag) notFound();
  return shareCard({ kicker: t.topics, title: tag.name });
}
