import { describe, expect, it } from 'vitest';
import { storeFrom } from '../../test/support/test-store';
import { breadcrumbList, collectionPage, newsArticle, webSite } from './jsonld';

const content = storeFrom((f, a) => {
  f.write('content/articles/diperbarui.md', a({ updatedAt: '"2024-06-22T08:00:00+07:00"', tags: '[rusia, vietnam]' }));
});

describe('JSON-LD', () => {
  it('NewsArticle carries what Google News reads', () => {
    const data = newsArticle(content.article('diperbarui')!, content);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Judul Berita',
      description: 'Ringkasan berita.',
      datePublished: '2024-06-20T14:05:00+07:00',
      dateModified: '2024-06-22T08:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Redaksi Warta', url: 'http://localhost:3000/penulis/redaksi' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Warta', logo: { '@type': 'ImageObject', url: 'http://localhost:3000/logo.png' } },
      image: ['http://localhost:3000/berita/diperbarui/opengraph-image'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'http://localhost:3000/berita/diperbarui' },
      articleSection: 'Internasional',
      keywords: ['Rusia', 'Vietnam'],
      inLanguage: 'id',
    });
  });

  it('BreadcrumbList numbers its items with absolute URLs', () => {
    expect(breadcrumbList([{ name: 'Beranda', path: '/' }, { name: 'Rusia', path: '/topik/rusia' }])).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Beranda', item: 'http://localhost:3000/' },
        { '@type': 'ListItem', position: 2, name: 'Rusia', item: 'http://localhost:3000/topik/rusia' },
      ],
    });
  });

  it('CollectionPage lists the tag page’s stories, continuing positions across pages', () => {
    const tag = content.tag('rusia')!;
    const data = collectionPage(tag, '/topik/rusia/halaman/2', content.storiesByTag('rusia'), 11) as { mainEntity: { itemListElement: { position: number }[] } };
    expect(data).toMatchObject({ '@type': 'CollectionPage', name: 'Rusia', url: 'http://localhost:3000/topik/rusia/halaman/2' });
    expect(data.mainEntity.itemListElement.map((i) => i.position)).toEqual([11, 12]);
  });

  it('WebSite has a SearchAction pointing at the search page', () => {
    expect(webSite()).toMatchObject({
      '@type': 'WebSite',
      potentialAction: { '@type': 'SearchAction', target: { urlTemplate: 'http://localhost:3000/cari?q={search_term_string}' } },
    });
  });
});
