import { countRead } from '@/lib/popular';

/**
 * POST /api/terbaca — the read beacon of article pages (components/ReadBeacon.tsx): the body is
 * the slug. See lib/popular/beacon.ts for what is counted and what is answered.
 */
export function POST(request: Request): Promise<Response> {
  return countRead(request);
}
