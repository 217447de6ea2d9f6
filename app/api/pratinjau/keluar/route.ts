import { draftMode } from 'next/headers';
import { routes } from '@/lib/routes';

/** GET /api/pratinjau/keluar — leaves draft mode and returns to the public home page. */
export async function GET() {
  (await draftMode()).disable();
  return new Response(null, { status: 307, headers: { Location: routes.home() } });
}
