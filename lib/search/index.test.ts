import { beforeAll, describe, expect, it } from 'vitest';
import { article, makeFixture } from '../../test/support/fixtures';
import { searchSourceFrom } from '../../test/support/test-store';
import { levenshtein, matchExpression, normaliseQuery, search, snippet, spellings, yearOf, type SearchQuery, type SearchResult, type SearchSource } from './index';
import { STOP_WORDS, stem } from './language';

let source: SearchSource;

const slugs = (r: SearchResult) => r.hits.map((h) => h.article.slug);
const find = (q: string, extra: Partial<SearchQuery> = {}) => search(source, { q, page: 1, pageSize: 10, ...extra });

beforeAll(() => {
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
  f.write('content/articles/draf-dipasok.md', article({ title: '"Draf Dipasok"', summary: '"Belum terbit."', draft: 'true' }, 'Senjata dipasok diam-diam.'));
  source = searchSourceFrom(f);
});

describe('Indonesian text', () => {
  it('stems inflected forms to one root and drops stop words', () => {
    expect(['memasok', 'pasokan', 'dipasok', 'pasok'].map(stem)).toEqual(['pasok', 'pasok', 'pasok', 'pasok']);
    expect(['yang', 'dan', 'di', 'korea'].filter((word) => !STOP_WORDS.has(word))).toEqual(['korea']);
  });
});

describe('search', () => {
  it('finds the seed story from "Putin senjata Korea Utara"', () => {
    expect(slugs(find('Putin senjata Korea Utara'))[0]).toBe('putin-senjata');
  });

  it('meets "memasok", "pasokan" and "dipasok" at "pasok", and never finds a draft', () => {
    for (const q of ['pasok', 'pasokan', 'memasok', 'dipasok']) expect(slugs(find(q)).sort(), q).toEqual(['pasokan-ukraina', 'putin-senjata']);
    expect(find('draf').total).toBe(0);
  });

  it('folds case and diacritics', () => {
    expect(slugs(find('CAFE'))).toEqual(['pasokan-ukraina']);
    expect(slugs(find('pyöngyang'))).toContain('judul-baru');
  });

  it('keeps the words as typed first: a rare spelling of the stem does not outweigh them', () => {
    const f = makeFixture();
    f.write('content/articles/kirim-senjata.md', article({ title: '"Putin Kirim Senjata ke Korea Utara"', summary: '"Ringkas."' }, 'Isi berita tentang pengiriman.'));
    f.write(
      'content/articles/parade.md',
      article({ title: '"Parade Militer di Pyongyang"', summary: '"Ringkas."' }, 'Putin menyaksikan parade persenjataan Korea Utara. Persenjataan baru dipamerkan.'),
    );
    for (let i = 0; i < 6; i++) f.write(`content/articles/lain-${i}.md`, article({ title: `"Kabar ${i}"`, summary: '"Ringkas."' }, 'Senjata dan Korea Utara disebut.'));
    const own = searchSourceFrom(f);
    expect(search(own, { q: 'Putin senjata Korea Utara', page: 1, pageSize: 10 }).hits.map((h) => h.article.slug)).toEqual(['kirim-senjata', 'parade']);
  });

  it('gives the same pages when SQLite keeps only the best rows as when every row is scored', () => {
    const f = makeFixture();
    const at = (i: number, year = 2024) => `"${year}-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00+07:00"`;
    // Fifteen stories with the same text (equal scores, ordered by date across page boundaries)…
    for (let i = 0; i < 15; i++) f.write(`content/articles/sama-${i}.md`, article({ title: '"Kabar Sama"', summary: '"Ringkas."', publishedAt: at(i) }, 'Nikel sama.'));
    // … scores of every other kind: in the headline or not, once or many times …
    for (let i = 15; i < 44; i++) {
      f.write(`content/articles/nikel-${i}.md`, article({ title: i % 6 === 0 ? '"Harga Nikel"' : `"Kabar ${i}"`, summary: '"Ringkas."', publishedAt: at(i) }, `${'Nikel '.repeat(1 + (i % 7))}dan hal lain ${'lagi '.repeat(i % 5)}.`));
    }
    // … and the best-scored story still to come, hidden by the clock.
    f.write('content/articles/nanti.md', article({ title: '"Nikel Nikel"', summary: '"Nikel."', publishedAt: at(0, 2030) }, 'Nikel '.repeat(12)));
    const own = searchSourceFrom(f, { now: () => Date.parse('2025-01-01T00:00:00Z') });
    const pages = (extra: Partial<SearchQuery>) => [1, 2, 3, 4, 5].map((page) => search(own, { q: 'nikel', page, pageSize: 10, ...extra }).hits.map((h) => h.article.slug));
    const best = pages({});
    // A year that holds every public story: the same results, each row scored.
    expect(pages({ year: 2024 })).toEqual(best);
    expect(best.flat()).toHaveLength(44);
    expect(best.flat()).not.toContain('nanti');
  });

  it('ranks a headline match over a body match, and breaks ties by recency', () => {
    expect(slugs(find('Pyongyang'))).toEqual(['judul-baru', 'judul-lama', 'sebut-di-isi']);
  });

  it('filters by section and by tag', () => {
    expect(slugs(find('pasok', { section: 'nasional' }))).toEqual(['pasokan-ukraina']);
    expect(slugs(find('pasok', { tag: 'korea-utara' }))).toEqual(['putin-senjata']);
  });

  it('paginates', () => {
    const first = find('Pyongyang', { pageSize: 2 });
    const second = find('Pyongyang', { pageSize: 2, page: 2 });
    expect(first.totalPages).toBe(2);
    expect(slugs(first)).toEqual(['judul-baru', 'judul-lama']);
    expect(slugs(second)).toEqual(['sebut-di-isi']);
    expect(find('Pyongyang', { pageSize: 2, page: 99 }).page).toBe(2);
    expect(slugs(find('Pyongyang', { pageSize: 2, page: 1e12 }))).toEqual(['sebut-di-isi']);
  });

  it('suggests a spelling from the index vocabulary when nothing matches', () => {
    const result = find('pyonyang');
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual(['pyongyang']);
    expect(find('pyonyang putin').suggestions).toEqual(['pyongyang putin']);
    expect(find('zzzzqqq').suggestions).toEqual([]);
  });

  it('counts results per section, per tag and per year for the filter links', () => {
    const result = find('pasok');
    expect(result.sections).toEqual({ internasional: 1, nasional: 1 });
    expect(result.tags).toEqual([
      { slug: 'rusia', count: 2 },
      { slug: 'korea-utara', count: 1 },
    ]);
    expect(result.years).toEqual([{ year: 2024, count: 2 }]);
    // The section counts stay whatever the section filter; the other facets follow it.
    const filtered = find('pasok', { section: 'nasional' });
    expect(filtered.sections).toEqual({ internasional: 1, nasional: 1 });
    expect(filtered.tags).toEqual([{ slug: 'rusia', count: 1 }]);
    expect(filtered.total).toBe(1);
  });

  it('sorts by relevance or by date, and filters by year', () => {
    expect(slugs(find('Pyongyang', { sort: 'newest' }))).toEqual(['sebut-di-isi', 'judul-baru', 'judul-lama']);
    expect(slugs(find('Pyongyang', { sort: 'relevance' }))).toEqual(['judul-baru', 'judul-lama', 'sebut-di-isi']);
    const in2023 = find('Pyongyang', { year: 2023 });
    expect(slugs(in2023)).toEqual(['judul-lama']);
    expect(in2023.total).toBe(1);
    expect(in2023.years).toEqual([
      { year: 2025, count: 1 },
      { year: 2024, count: 1 },
      { year: 2023, count: 1 },
    ]);
  });

  it('matches "quoted phrases" as phrases', () => {
    expect(slugs(find('"korea utara"'))).toEqual(['putin-senjata']);
    expect(slugs(find('"utara korea"'))).toEqual([]);
    expect(slugs(find('utara korea'))).toEqual(['putin-senjata']);
    expect(slugs(find('"memasok senjata"'))).toEqual(['putin-senjata']);
  });
});

describe('scheduled stories', () => {
  it('are found only from their publication time on', () => {
    let now = Date.parse('2024-06-20T17:00:00+07:00');
    const f = makeFixture();
    f.write('content/articles/terjadwal.md', article({ title: '"Pengumuman Kabinet Baru"', publishedAt: '"2024-06-20T18:00:00+07:00"' }, 'Kabinet diumumkan.'));
    const scheduled = searchSourceFrom(f, { now: () => now });
    const run = () => search(scheduled, { q: 'kabinet', page: 1, pageSize: 10 });
    expect(run().total).toBe(0);
    expect(run().years).toEqual([]);
    now = Date.parse('2024-06-20T18:00:00+07:00');
    expect(slugs(run())).toEqual(['terjadwal']);
  });
});

describe('hostile queries', () => {
  it('cuts over-long queries and strips control characters', () => {
    expect(normaliseQuery('a'.repeat(5000))).toHaveLength(200);
    expect(normaliseQuery('pu\u0000tin\u001b')).toBe('pu tin');
    expect(normaliseQuery(['satu', 'dua'])).toBe('satu');
    expect(normaliseQuery(undefined)).toBe('');
  });

  it('answers markup, odd bytes, FTS5 syntax and empty queries with a normal result', () => {
    const hostile = [
      '<script>alert(1)</script>', `"'; DROP TABLE--`, '\uFFFD\uD800', '%E0%A4%A', '', '   ', '***', 'a'.repeat(10_000),
      'putin AND', 'OR putin', 'NOT', 'putin NOT senjata', 'NEAR(putin senjata, 2)', 'NEAR', 'put*', '*', '^putin', 'title:putin', 'body : putin',
      '"putin', 'putin"', '"""', '"putin" "', '(putin', 'putin)', '{title summary}: putin', '-putin', '+putin', "putin'", 'putin\\', '\u0000',
      `${'"'.repeat(5000)}putin`, 'x '.repeat(5000), 'AND OR NOT NEAR',
    ];
    for (const q of hostile) {
      const result = find(q);
      expect(result.total, q).toBeGreaterThanOrEqual(0);
      expect(result.page, q).toBe(1);
    }
    // Operators are words like any other: "putin OR senjata" asks for all three.
    expect(slugs(find('putin OR senjata'))).toEqual([]);
    expect(slugs(find('put*'))).toEqual([]);
    expect(slugs(find('^putin'))).toEqual(['putin-senjata']);
    expect(slugs(find('"putin'))).toEqual(['putin-senjata']);
    expect(slugs(find('title:putin'))).toEqual([]);
  });

  it('turns every query into quoted words only: each word with its stem\'s spellings, phrases exact', () => {
    expect(matchExpression('Putin AND "Korea Utara" NEAR(senjata*) :^')).toBe('"putin" AND "and" AND "korea utara" AND "near" AND "senjata"');
    expect(matchExpression('"memasok senjata" "')).toBe('"memasok senjata"');
    const spellings: Record<string, string[]> = { pasok: ['dipasok', 'memasok', 'pasokan'] };
    expect(matchExpression('memasok "yang di" OR pasokan', (root) => spellings[root] ?? [])).toBe('("memasok" OR "dipasok" OR "pasokan") AND "yang di" AND "or"');
    expect(matchExpression('yang dan di')).toBeNull();
    expect(matchExpression('" * ^ : ( )')).toBeNull();
  });
});

describe('snippets', () => {
  it('marks the query\'s words with their stems\' other spellings, stop words apart', () => {
    const spelled: Record<string, string[]> = { pasok: ['memasok', 'pasokan'] };
    const marked = spellings('pasok yang', (root) => spelled[root] ?? []);
    expect([...marked].sort()).toEqual(['memasok', 'pasok', 'pasokan']);
    const parts = snippet('Rusia berhak memasok senjata yang. Pasokan lain.', marked);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['memasok', 'Pasokan']);
    expect(parts.map((p) => p.text).join('')).toBe('Rusia berhak memasok senjata yang. Pasokan lain.');
  });

  it('marks other inflections in a search\'s snippets, from the index\'s words', () => {
    const result = find('memasok');
    const hit = result.hits.find((h) => h.article.slug === 'pasokan-ukraina')!;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toContain('Pasokan');
  });

  it('keeps the text whole', () => {
    const parts = snippet('Rusia berhak memasok senjata. Pasokan lain.', new Set(['pasokan']));
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

describe('yearOf', () => {
  const at = (iso: string) => yearOf({ publishedMs: Date.parse(iso) } as Parameters<typeof yearOf>[0]);
  it('is the year in Jakarta, where the year turns seven hours before UTC', () => {
    expect(at('2023-12-31T16:59:59.999Z')).toBe(2023);
    expect(at('2023-12-31T17:00:00Z')).toBe(2024);
    expect(at('2024-12-31T23:59:59+07:00')).toBe(2024);
    expect(at('2025-01-01T00:00:00+07:00')).toBe(2025);
    // The same day asked again (its year remembered), and a leap day.
    expect(at('2023-12-31T16:00:00Z')).toBe(2023);
    expect(at('2024-02-29T12:00:00+07:00')).toBe(2024);
  });
});
