import { t } from '@/lib/i18n';
import { SHARE_CARD_SIZE, shareCard } from '@/lib/og/share-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Warta';

export default function SiteShareImage() {
  return shareCard({ kicker: t.latest, title: t.siteTagline });
}
