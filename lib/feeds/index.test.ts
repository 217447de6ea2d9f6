import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { storeFrom } from '../../test/support/test-store';
import { atomResponse, buildFeed, FEED_SIZE, jsonFeedResponse, rssResponse, siteFeed } from './index';

const content = storeFrom((f, a) => {
  f.write(
    'public/images/foto.png',
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
  );
  f.write(
    'content/articles/diperbarui.md',
    a({
      title: '"Berita & <Pembaruan>"',
      publishedAt: '"2024-06-21T10:00:00+07:00"',
      updatedAt: '"2024-06-22T08:00:00+07:00"',
      tags: '[rusia, korea-utara]',
      image: '\n  src: /images/foto.png\n  alt: "Foto"',
    }),
  );
});

describe('feeds', () => {
  it('RSS 2.0 parses and carries title, link, guid, date, summary, categories, author and image', () => {
    const xml = siteFeed(content, 'rss').rss2();
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Warta');
    expect(feed.language).toBe('id');
    expect(feed.items.map((i) => i.title)).toEqual(['Berita & <Pembaruan>', 'Berita Pertama']);
    const item = feed.items[0]!;
    expect(item.url).toBe('http://localhost:3000/berita/diperbarui');
    expect(item.id).toBe('http://localhost:3000/berita/diperbarui');
    expect(item.published?.toISOString()).toBe('2024-06-21T03:00:00.000Z');
    expect(item.description).toBe('Ringkasan berita.');
    expect(item.categories.map((c) => c.label)).toEqual(['Internasional', 'Rusia', 'Korea Utara']);
    expect(item.authors.map((a) => a.name)).toEqual(['Redaksi Warta']);
    expect(item.image?.url).toBe('http://localhost:3000/images/foto.png');
  });

  it('Atom parses and gives the update time as updated', () => {
    const feed = parseFeed(siteFeed(content, 'atom').atom1());
    expect(feed.meta.type).toBe('atom');
    const item = feed.items[0]!;
    expect(item.updated?.toISOString()).toBe('2024-06-22T01:00:00.000Z');
    expect(item.published?.toISOString()).toBe('2024-06-21T03:00:00.000Z');
  });

  it('JSON Feed is valid JSON Feed 1', () => {
    const json = JSON.parse(siteFeed(content, 'json').json1());
    expect(json.version).toBe('https://jsonfeed.org/version/1');
    expect(json.items[0].url).toBe('http://localhost:3000/berita/diperbarui');
    expect(json.items[0].date_modified).toBe('2024-06-22T01:00:00.000Z');
  });

  it('a tag feed holds only that tag’s stories, at most FEED_SIZE', () => {
    const feed = parseFeed(
      buildFeed({ title: 'Korea Utara', description: 'x', pagePath: '/topik/korea-utara', feedPath: '/topik/korea-utara/rss.xml', articles: content.storiesByTag('korea-utara') }, content).rss2(),
    );
    expect(feed.items.map((i) => i.url)).toEqual(['http://localhost:3000/berita/diperbarui']);
    expect(feed.self).toBe('http://localhost:3000/topik/korea-utara/rss.xml');
    expect(FEED_SIZE).toBe(50);
  });

  it('every feed response may be read by pages on other origins (browser-based feed readers)', () => {
    for (const response of [rssResponse(siteFeed(content, 'rss')), atomResponse(siteFeed(content, 'atom')), jsonFeedResponse(siteFeed(content, 'json'))]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });
});
