import { beforeAll, describe, expect, it } from 'vitest';
import { monthKey } from '../i18n/format';
import { article, makeFixture } from '../content/fixtures';
import { loadContentOrThrow } from '../content/load';
import { ContentStore } from '../content/store';
import { levenshtein, normaliseQuery, SearchIndex, snippet, type SearchResult } from './index';
import { stems } from './language';

let index: SearchIndex;

const slugs = (r: SearchResult) => r.hits.map((h) => h.article.slug);
const find = (q: string, extra: Partial<Parameters<SearchIndex['search']>[0]> = {}) =>
  index.search({ q, page: 1, pageSize: 10, ...extra });

beforeAll(async () => {
  const f = makeFixture();
  f.write('content/tags/pyongyang.yml', 'name: Pyongyang\ndescription: Ibu kota.\n');
  f.write(
    'content/articles/putin-senjata.md',
    article(
      { title: '"Putin Buka Peluang Kirim Senjata ke Korea Utara"', summary: '"Rusia bisa memasok senjata."', tags: '[rusia, korea-utara]', publishedAt: '"2024-06-20T14:05:00+07:00"' },
      'Putin mengatakan Rusia berhak memasok senjata ke wilayah lain di dunia.',
    ),
  );
  f.write(
    'content/articles/pasokan-ukraina.md',
    article(
      { title: '"Barat Tambah Pasokan ke Ukraina"', summary: '"Negara Barat menambah bantuan."', section: 'nasional', publishedAt: '"2024-05-01T10:00:00+07:00"' },
      'Pasokan amunisi dari Barat terus mengalir. Café di Kyiv tetap buka.',
    ),
  );
  f.write(
    'content/articles/judul-lama.md',
    article({ title: '"Pertemuan di Pyongyang"', summary: '"Ringkas."', publishedAt: '"2023-01-01T10:00:00+07:00"' }, 'Isi lain tentang vostochny.'),
  );
  f.write(
    'content/articles/judul-baru.md',
    article({ title: '"Pertemuan di Pyongyang"', summary: '"Ringkas."', publishedAt: '"2024-01-01T10:00:00+07:00"' }, 'Isi lain tentang vostochny.'),
  );
  f.write(
    'content/articles/sebut-di-isi.md',
    article({ title: '"Kabar Lain"', summary: '"Ringkas."', publishedAt: '"2025-01-01T10:00:00+07:00"' }, 'Sekilas disebut Pyongyang di badan berita.'),
  );
  const raw = loadContentOrThrow({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
  index = await SearchIndex.build(new ContentStore(raw, (iso) => monthKey(iso, 'Asia/Jakarta')));
});

describe('Indonesian text', () => {
  it('stems inflected forms to one root and drops stop words', () => {
    expect(stems('memasok pasokan dipasok pasok')).toEqual(['pasok', 'pasok', 'pasok', 'pasok']);
    expect(stems('yang dan di Korea')).toEqual(['korea']);
  });
});

describe('search', () => {
  it('finds the seed story from "Putin senjata Korea Utara"', async () => {
    expect(slugs(await find('Putin senjata Korea Utara'))[0]).toBe('putin-senjata');
  });

  it('meets "memasok" and "pasokan" at "pasok"', async () => {
    expect(slugs(await find('pasok')).sort()).toEqual(['pasokan-ukraina', 'putin-senjata']);
    expect(slugs(await find('pasokan')).sort()).toEqual(['pasokan-ukraina', 'putin-senjata']);
  });

  it('folds case and diacritics', async () => {
    expect(slugs(await find('CAFE'))).toEqual(['pasokan-ukraina']);
    expect(slugs(await find('pyöngyang'))).toContain('judul-baru');
  });

  it('ranks a headline match over a body match, and breaks ties by recency', async () => {
    expect(slugs(await find('Pyongyang'))).toEqual(['judul-baru', 'judul-lama', 'sebut-di-isi']);
  });

  it('filters by section and by tag', async () => {
    expect(slugs(await find('pasok', { section: 'nasional' }))).toEqual(['pasokan-ukraina']);
    expect(slugs(await find('pasok', { tag: 'korea-utara' }))).toEqual(['putin-senjata']);
  });

  it('paginates', async () => {
    const first = await find('Pyongyang', { pageSize: 2 });
    const second = await find('Pyongyang', { pageSize: 2, page: 2 });
    expect(first.totalPages).toBe(2);
    expect(slugs(first)).toEqual(['judul-baru', 'judul-lama']);
    expect(slugs(second)).toEqual(['sebut-di-isi']);
  });

  it('suggests a spelling when nothing matches', async () => {
    const result = await find('pyonyang');
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual(['pyongyang']);
  });

  it('counts results per section and per tag for the filter links', async () => {
    const result = await find('pasok');
    expect(result.sections).toEqual({ internasional: 1, nasional: 1 });
    expect(result.tags).toEqual([
      { slug: 'rusia', count: 2 },
      { slug: 'korea-utara', count: 1 },
    ]);
  });
});

describe('scheduled stories', () => {
  it('are found only from their publication time on', async () => {
    let now = Date.parse('2024-06-20T17:00:00+07:00');
    const f = makeFixture();
    f.write('content/articles/terjadwal.md', article({ title: '"Pengumuman Kabinet Baru"', publishedAt: '"2024-06-20T18:00:00+07:00"' }, 'Kabinet diumumkan.'));
    const raw = loadContentOrThrow({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
    const scheduled = await SearchIndex.build(new ContentStore(raw, (iso) => monthKey(iso, 'Asia/Jakarta'), { now: () => now }));
    const search = () => scheduled.search({ q: 'kabinet', page: 1, pageSize: 10 });
    expect((await search()).total).toBe(0);
    now = Date.parse('2024-06-20T18:00:00+07:00');
    expect(slugs(await search())).toEqual(['terjadwal']);
  });
});

describe('hostile queries', () => {
  it('cuts over-long queries and strips control characters', () => {
    expect(normaliseQuery('a'.repeat(5000))).toHaveLength(200);
    expect(normaliseQuery('pu\u0000tin\u001b')).toBe('pu tin');
    expect(normaliseQuery(['satu', 'dua'])).toBe('satu');
    expect(normaliseQuery(undefined)).toBe('');
  });

  it('answers markup, odd bytes and empty queries without throwing', async () => {
    for (const q of ['<script>alert(1)</script>', '"\'; DROP TABLE--', '\uFFFD\uD800', '%E0%A4%A', '', '   ', '***', 'a'.repeat(10_000)]) {
      const result = await find(q);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('snippets', () => {
  it('marks matched words, including other inflections', () => {
    const parts = snippet('Rusia berhak memasok senjata. Pasokan lain.', new Set(stems('pasok')));
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['memasok', 'Pasokan']);
    expect(parts.map((p) => p.text).join('')).toBe('Rusia berhak memasok senjata. Pasokan lain.');
  });

  it('centres on the densest passage of a long text', () => {
    const filler = Array.from({ length: 100 }, (_, i) => `kata${i}`).join(' ');
    const parts = snippet(`${filler} putin di sini ${filler}`, new Set(['putin']));
    const text = parts.map((p) => p.text).join('');
    expect(text).toMatch(/^… kata\d+ .* putin di sini .* kata\d+ …$/);
    expect(text).toContain('kata90 kata91');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['putin']);
  });
});

describe('levenshtein', () => {
  it('counts edits and stops early', () => {
    expect(levenshtein('pyonyang', 'pyongyang', 3)).toBe(1);
    expect(levenshtein('abc', 'xyz', 2)).toBe(2);
  });
});
