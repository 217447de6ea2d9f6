import { notFound } from 'next/navigation';
import { env } from '@/lib/env';

// Rendered per request, never cached: it exists for the tests of the error page only.
export const dynamic = 'force-dynamic';

/**
 * A page that fails to render, for the tests of the error page and of the server under a fault
 * (WARTA_FAULT_INJECTION=1, never set in production). Without it this page names nothing: the
 * request guards answer 404 before it renders, and so does the page itself.
 */
export default function FaultPage(): never {
  if (env().WARTA_FAULT_INJECTION !== '1') notFound();
  throw new Error('Injected render fault (resilience test)');
}
