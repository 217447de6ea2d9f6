import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { SHARE_CARD_SIZE, shareCard } from '@/lib/og/share-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Warta';
// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export function generateStaticParams() {
  return getContent().tagsWithCounts().map((tag) => ({ slug: tag.slug }));
}

export default async function TagShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const tag = getContent().tag((await params).slug);
  if (!tag) notFound();
  return shareCard({ kicker: t.topics, title: tag.name });
}
