import { describe, expect, it } from 'vitest';
import { IMAGE_CACHE_CONTROL, logoImage, shareCard } from './share-card';

describe('share images', () => {
  it('are cached publicly for an hour, not revalidated on every view', () => {
    expect(IMAGE_CACHE_CONTROL).toBe('public, max-age=3600, stale-while-revalidate=86400');
    for (const image of [shareCard({ kicker: 'Dunia', title: 'Judul' }), logoImage()]) {
      expect(image.headers.get('cache-control')).toBe(IMAGE_CACHE_CONTROL);
      expect(image.headers.get('content-type')).toBe('image/png');
      void image.body?.cancel();
    }
  });
});
