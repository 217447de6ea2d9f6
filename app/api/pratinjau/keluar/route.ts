import { cookies, draftMode } from 'next/headers';
import { PREVIEW_COOKIE } from '@/lib/newsroom/preview';
import { routes } from '@/lib/routes';

/** GET /api/pratinjau/keluar — ends the preview session (both cookies) and returns to the public home page. */
export async function GET() {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  return new Response(null, { status: 307, headers: { Location: routes.home() } });
}
