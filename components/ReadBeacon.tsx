'use client';
import { useEffect } from 'react';

/**
 * Counts one read of the article (POST /api/terbaca, body = slug) once the page is actually
 * seen: not while prerendered or in a background tab. Keyed by slug, so a page that swaps
 * articles in place would count each. Sends nothing but the slug; sets no cookie.
 */
export function ReadBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    const send = () => {
      if (document.visibilityState !== 'visible' || (document as { prerendering?: boolean }).prerendering) return;
      navigator.sendBeacon?.('/api/terbaca', slug);
      stop();
    };
    const stop = () => {
      document.removeEventListener('visibilitychange', send);
      document.removeEventListener('prerenderingchange', send);
    };
    document.addEventListener('visibilitychange', send);
    document.addEventListener('prerenderingchange', send);
    send();
    return stop;
  }, [slug]);
  return null;
}
