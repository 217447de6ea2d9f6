import { logoImage } from '@/lib/og/share-card';

export const dynamic = 'force-static';

export function GET() {
  return logoImage();
}
