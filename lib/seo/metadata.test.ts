import { describe, expect, it } from 'vitest';
import { storeFrom } from '../../test/support/test-store';
import { articleMetadata, pageMetadata, tagImage } from './metadata';

const content = storeFrom((f, a) => {
  f.write('content/articles/kabar.md', a({ tags: '[rusia]' }));
});

const imagesOf = (metadata: ReturnType<typeof pageMetadata>) => ({
  og: (metadata.openGraph as { images: { url: string; alt: string }[] }).images.map((i) => [i.url, i.alt]),
  twitter: (metadata.twitter as { images: { url: string; alt: string }[] }).images.map((i) => [i.url, i.alt]),
});

describe('share images', () => {
  it('an article shares its own card, under its title', () => {
    const images = imagesOf(articleMetadata(content.article('kabar')!, content));
    expect(images.og).toEqual([['/berita/kabar/opengraph-image', 'Judul Berita']]);
    expect(images.twitter).toEqual(images.og);
  });

  it("a tag's pages share the tag's card; other pages the site's", () => {
    const tag = { slug: 'rusia', name: 'Rusia' };
    expect(imagesOf(pageMetadata({ title: 'Rusia', description: 'd', path: '/topik/rusia', image: tagImage(tag) })).og).toEqual([['/topik/rusia/opengraph-image', 'Rusia']]);
    expect(imagesOf(pageMetadata({ title: 'Warta', description: 'd', path: '/' })).og).toEqual([['/opengraph-image', 'Warta']]);
  });
});
