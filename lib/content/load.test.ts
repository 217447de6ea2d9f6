import { describe, expect, it } from 'vitest';
import { article, makeFixture, type Fixture } from '../../test/support/fixtures';
import { generate } from '../../scripts/synthetic-content';
import { dates } from '../i18n';
import { loadContent, loadContentOrThrow, type LoadResult } from './load';
import { ContentStore } from './store';
import { ContentValidationError, formatProblem } from './problems';

function load(f: Fixture) {
  return loadContent({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
}

/** Problems as printed to editors, one string each. */
function messages(f: Fixture): string[] {
  return load(f).problems.map(formatProblem);
}

describe('loading valid content', () => {
  it('loads articles, tags, sections and authors', () => {
    const f = makeFixture();
    const { content, problems } = load(f);
    expect(problems).toEqual([]);
    expect(content.articles.map((a) => a.slug)).toEqual(['pertama']);
    expect(content.tags.map((t) => t.slug).sort()).toEqual(['korea-utara', 'rusia', 'vietnam']);
    expect(content.sections.map((s) => s.name)).toEqual(['Internasional', 'Nasional']);
    expect(content.authors[0]).toMatchObject({ slug: 'redaksi', name: 'Redaksi Warta' });
    const a = content.articles[0]!;
    expect(a).toMatchObject({
      title: 'Berita Pertama',
      publishedAt: '2024-06-20T14:05:00+07:00',
      publishedMs: Date.parse('2024-06-20T07:05:00Z'),
      section: 'internasional',
      tags: ['rusia'],
      authors: ['redaksi'],
      draft: false,
    });
  });

  it('reads every optional field', () => {
    const f = makeFixture();
    // A 1×1 PNG, so the loader can read real dimensions.
    f.write(
      'public/images/foto.png',
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
    );
    f.write(
      'content/articles/lengkap.md',
      article({
        updatedAt: '"2024-06-21T09:00:00+07:00"',
        source: '"Reuters"',
        dateline: '"HANOI"',
        draft: 'false',
        image: '\n  src: /images/foto.png\n  alt: "Foto"\n  caption: "Keterangan"\n  credit: "Warta"',
      }),
    );
    const { content, problems } = load(f);
    expect(problems).toEqual([]);
    const a = content.articles.find((x) => x.slug === 'lengkap')!;
    expect(a.updatedAt).toBe('2024-06-21T09:00:00+07:00');
    expect(a.source).toBe('Reuters');
    expect(a.image).toEqual({ src: '/images/foto.png', alt: 'Foto', caption: 'Keterangan', credit: 'Warta', width: 1, height: 1 });
  });

  it('reads corrections, oldest first', () => {
    const f = makeFixture();
    f.write(
      'content/articles/koreksi.md',
      article({
        updatedAt: '"2024-06-22T09:00:00+07:00"',
        corrections: '\n  - date: "2024-06-22T09:00:00+07:00"\n    text: "Kedua."\n  - date: "2024-06-21T09:00:00+07:00"\n    text: "Pertama."',
      }),
    );
    const a = load(f).content.articles.find((x) => x.slug === 'koreksi')!;
    expect(a.corrections).toEqual([
      { date: '2024-06-21T09:00:00+07:00', text: 'Pertama.' },
      { date: '2024-06-22T09:00:00+07:00', text: 'Kedua.' },
    ]);
  });

  it('a correction without a valid date', () => {
    const f = makeFixture();
    f.write('content/articles/koreksi-rusak.md', article({ corrections: '\n  - date: "kemarin"\n    text: "x"' }));
    expect(messages(f)[0]).toMatch(/koreksi-rusak\.md:9 — field "corrections\.0\.date": "kemarin" is not an ISO 8601 date-time/);
  });

  it('counts words and reading time from the body', () => {
    const f = makeFixture();
    const words = Array.from({ length: 450 }, (_, i) => `kata${i}`).join(' ');
    f.write('content/articles/panjang.md', article({}, `${words}\n\n## Sub\n\nSatu dua.`));
    const store = new ContentStore(load(f).content, dates.monthKey);
    expect(store.readingTime(store.article('panjang')!)).toEqual({ words: 453, minutes: 3 });
  });
});

describe('content errors name the file, the field and the fix', () => {
  it('bad YAML', () => {
    const f = makeFixture();
    f.write('content/articles/rusak.md', '---\ntitle: "Tanpa penutup\nsummary: x\n---\n\nIsi.\n');
    const [message] = messages(f);
    expect(message).toMatch(/^content\/articles\/rusak\.md:\d+ — invalid YAML/);
    expect(message).toContain('Fix:');
  });

  it('a colon in an unquoted title is explained', () => {
    const f = makeFixture();
    f.write('content/articles/titik-dua.md', '---\ntitle: Putin: Kami Siap\nsummary: "x"\n---\n\nIsi.\n');
    expect(messages(f)[0]).toMatch(/titik-dua\.md:2 — invalid YAML.*\n\s+Fix: .*quote text that contains a colon/);
  });

  it('missing frontmatter', () => {
    const f = makeFixture();
    f.write('content/articles/polos.md', 'Hanya teks.\n');
    expect(messages(f)).toEqual([expect.stringMatching(/^content\/articles\/polos\.md:1 — the file does not start with YAML frontmatter/)]);
  });

  it('a missing required field', () => {
    const f = makeFixture();
    f.write('content/articles/tanpa-judul.md', article({ title: undefined }));
    expect(messages(f)).toEqual([
      expect.stringMatching(/^content\/articles\/tanpa-judul\.md — field "title": is required but missing\n\s+Fix: expected the headline/),
    ]);
  });

  it('a wrong-typed field, with its line', () => {
    const f = makeFixture();
    f.write('content/articles/salah-tipe.md', article({ tags: 'rusia' }));
    expect(messages(f)).toEqual([
      expect.stringMatching(/^content\/articles\/salah-tipe\.md:6 — field "tags": .*expected array.*\n\s+Fix: expected a list of slugs/),
    ]);
  });

  it('a date without an offset', () => {
    const f = makeFixture();
    f.write('content/articles/tanpa-zona.md', article({ publishedAt: '"2024-06-20 14:05"' }));
    expect(messages(f)[0]).toMatch(
      /tanpa-zona\.md:4 — field "publishedAt": "2024-06-20 14:05" is not an ISO 8601 date-time with a time-zone offset\n\s+Fix: expected an ISO 8601 date-time with offset, e\.g\. publishedAt: "2024-06-20T14:05:00\+07:00"/,
    );
  });

  it('an impossible date', () => {
    const f = makeFixture();
    f.write('content/articles/mustahil.md', article({ publishedAt: '"2024-02-30T10:00:00+07:00"' }));
    expect(messages(f)[0]).toContain('field "publishedAt": "2024-02-30T10:00:00+07:00" is an impossible date: 2024-02 has no day 30');
  });

  it('an impossible month and time', () => {
    const f = makeFixture();
    f.write('content/articles/bulan.md', article({ publishedAt: '"2024-13-01T10:00:00+07:00"' }));
    f.write('content/articles/jam.md', article({ publishedAt: '"2024-06-01T25:00:00+07:00"' }));
    const all = messages(f).join('\n');
    expect(all).toContain('has month 13, which does not exist');
    expect(all).toContain('has an impossible time of day');
  });

  it('updatedAt before publishedAt', () => {
    const f = makeFixture();
    f.write('content/articles/mundur.md', article({ updatedAt: '"2024-06-19T10:00:00+07:00"' }));
    expect(messages(f)[0]).toMatch(/mundur\.md:\d+ — field "updatedAt": 2024-06-19T10:00:00\+07:00 is earlier than publishedAt/);
  });

  it('an unknown field suggests the allowed ones', () => {
    const f = makeFixture();
    f.write('content/articles/salah-ketik.md', article({ tittle: '"x"' }));
    expect(messages(f)[0]).toMatch(/salah-ketik\.md:\d+ — field "tittle": unknown field\n\s+Fix: remove it or use one of: title, summary/);
  });

  it('an unknown tag, section and author, each with its line', () => {
    const f = makeFixture();
    f.write('content/articles/rujukan.md', article({ section: 'dunia', tags: '\n  - rusia\n  - iran', authors: '[siapa]' }));
    expect(messages(f)).toEqual([
      expect.stringMatching(/rujukan\.md:5 — field "section": unknown section "dunia"\n\s+Fix: use one of: internasional, nasional/),
      expect.stringMatching(/rujukan\.md:8 — field "tags\.1": unknown tag "iran"\n\s+Fix: .*add content\/tags\/iran\.yml/),
      expect.stringMatching(/rujukan\.md:9 — field "authors\.0": unknown author "siapa"/),
    ]);
  });

  it('a read-also link to a missing slug, with its line', () => {
    const f = makeFixture();
    f.write('content/articles/baca.md', article({}, 'Paragraf.\n\n::baca-juga{slug="tidak-ada"}\n\nParagraf lagi.'));
    expect(messages(f)).toEqual([
      expect.stringMatching(/^content\/articles\/baca\.md:12 — read-also link to "tidak-ada", but there is no content\/articles\/tidak-ada\.md/),
    ]);
  });

  it('a read-also link without a slug, or with a typo in the directive', () => {
    const f = makeFixture();
    f.write('content/articles/cacat.md', article({}, 'A.\n\n::baca-juga\n\n::bacajuga{slug="pertama"}'));
    expect(messages(f)).toEqual([
      expect.stringMatching(/cacat\.md:12 — read-also link has no slug\n\s+Fix: write it on its own line as ::baca-juga\{slug=/),
      expect.stringMatching(/cacat\.md:14 — unknown directive "::bacajuga"/),
    ]);
  });

  it('a read-also link to the article itself', () => {
    const f = makeFixture();
    f.write('content/articles/diri.md', article({}, 'A.\n\n::baca-juga{slug="diri"}'));
    expect(messages(f)).toEqual([expect.stringMatching(/diri\.md:12 — read-also link points at this article itself/)]);
  });

  it('prose with colons is not mistaken for a directive', () => {
    const f = makeFixture();
    f.write('content/articles/jam.md', article({}, 'Rapat dimulai pukul 14:05, rasio suara 2:1, catatan:penting.'));
    expect(messages(f)).toEqual([]);
  });

  it('an empty body', () => {
    const f = makeFixture();
    f.write('content/articles/kosong.md', article({}, ''));
    expect(messages(f)[0]).toContain('kosong.md — the article body is empty');
  });

  it('an image missing on disk', () => {
    const f = makeFixture();
    f.write('content/articles/gambar.md', article({ image: '\n  src: /images/hilang.jpg\n  alt: "x"' }));
    expect(messages(f)[0]).toMatch(/gambar\.md:\d+ — field "image\.src": image file \/images\/hilang\.jpg does not exist/);
  });

  it('an image without alt text', () => {
    const f = makeFixture();
    f.write('content/articles/tanpa-alt.md', article({ image: '\n  src: /images/foto.png' }));
    expect(messages(f)[0]).toMatch(/tanpa-alt\.md:\d+ — field "image\.alt": is required but missing\n\s+Fix: expected a description of the image/);
  });

  it('an empty alt text', () => {
    const f = makeFixture();
    f.write('content/articles/alt-kosong.md', article({ image: '\n  src: /images/foto.png\n  alt: "  "' }));
    expect(messages(f)[0]).toMatch(/alt-kosong\.md:\d+ — field "image\.alt": must not be empty/);
  });

  it('a duplicate title and date', () => {
    const f = makeFixture();
    f.write('content/articles/salinan.md', article({ title: '"Berita Pertama"' }));
    expect(messages(f)).toEqual([
      expect.stringMatching(/^content\/articles\/salinan\.md:2 — field "title": duplicate of content\/articles\/pertama\.md: same title and publishedAt/),
    ]);
  });

  it('a file name that is not a slug, and a stray file', () => {
    const f = makeFixture();
    f.write('content/articles/Judul Besar.md', article({}));
    f.write('content/articles/catatan.txt', 'x');
    const all = messages(f).join('\n');
    expect(all).toContain('file name "Judul Besar.md" is not a valid slug');
    expect(all).toContain('judul-besar.md');
    expect(all).toContain('content/articles/catatan.txt — unexpected file');
  });

  it('a tag file with a missing description', () => {
    const f = makeFixture();
    f.write('content/tags/iran.yml', 'name: Iran\n');
    expect(messages(f)[0]).toMatch(/content\/tags\/iran\.yml — field "description": is required but missing/);
  });

  it('a file that is not UTF-8', () => {
    const f = makeFixture();
    f.write('content/articles/latin.md', Buffer.from('---\ntitle: "Caf\xe9"\n---\n', 'latin1'));
    expect(messages(f)[0]).toContain('latin.md — the file is not valid UTF-8 text');
  });

  it('lists every problem at once, and the throwing loader carries them all', () => {
    const f = makeFixture();
    f.write('content/articles/satu.md', article({ section: 'x' }));
    f.write('content/articles/dua.md', article({ publishedAt: '"kemarin"' }));
    f.write('content/articles/tiga.md', article({ authors: '[]' }));
    expect(load(f).problems).toHaveLength(3);
    let error: unknown;
    try {
      loadContentOrThrow({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentValidationError);
    expect((error as ContentValidationError).problems).toHaveLength(3);
    expect((error as Error).message).toMatch(/^Content has 3 problems:/);
  });
});

describe('the quick frontmatter path', () => {
  // Bodies compared as text: where each is kept may differ.
  const comparable = ({ content, problems }: LoadResult) => ({
    problems,
    content: { ...content, articles: content.articles.map((a) => ({ ...a, body: a.body.text() })) },
  });
  const both = (f: Fixture) => {
    const options = { contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root };
    return { quick: comparable(loadContent(options)), yaml: comparable(loadContent({ ...options, quick: false })) };
  };

  it('loads synthetic articles exactly as the yaml path does', () => {
    const f = makeFixture();
    generate(100, f.contentDir);
    const { quick, yaml } = both(f);
    expect(quick.problems).toEqual([]);
    expect(quick.content.articles).toHaveLength(101);
    expect(quick).toEqual(yaml);
  });

  it('reports every problem exactly as the yaml path does, lines included', () => {
    const f = makeFixture();
    f.write('public/images/foto.png', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
    const files: Record<string, string> = {
      'lengkap': article({ updatedAt: '"2024-06-21T09:00:00+07:00"', draft: 'true', image: '\n  src: /images/foto.png\n  alt: "Foto"' }),
      'koreksi': article({ corrections: '\n  - date: "2024-06-22T09:00:00+07:00"\n    text: "Kedua."' }),
      'koreksi-rusak': article({ corrections: '\n  - date: "kemarin"\n    text: "x"' }),
      'rusak': '---\ntitle: "Tanpa penutup\nsummary: x\n---\n\nIsi.\n',
      'titik-dua': '---\ntitle: Putin: Kami Siap\nsummary: "x"\n---\n\nIsi.\n',
      'ganda': article({ tags: '[rusia]\ntags: [vietnam]' }),
      'tanpa-judul': article({ title: undefined }),
      'salah-tipe': article({ tags: 'rusia' }),
      'tanpa-zona': article({ publishedAt: '"2024-06-20 14:05"' }),
      'mundur': article({ title: '"Mundur"', updatedAt: '"2024-06-19T10:00:00+07:00"' }),
      'salah-ketik': article({ tittle: '"x"' }),
      'rujukan': article({ title: '"Rujukan"', section: 'dunia', tags: '\n  - rusia\n  - iran', authors: '[siapa]' }),
      'baca': article({ title: '"Baca"' }, 'Paragraf.\n\n::baca-juga{slug="tidak-ada"}\n\n::baca-juga{slug="baca"}'),
      'gambar': article({ title: '"Gambar"', image: '\n  src: /images/hilang.jpg\n  alt: "x"' }),
      'alt-kosong': article({ image: '\n  src: /images/foto.png\n  alt: "  "' }),
      'salinan': article({ title: '"Berita Pertama"' }),
      'kosong': article({ title: '"Kosong"' }, ''),
      'tanpa-isi': article({ title: '"Draf"', draft: 'yes' }),
    };
    for (const [slug, text] of Object.entries(files)) f.write(`content/articles/${slug}.md`, text);
    f.write('content/tags/iran.yml', 'name: Iran\n');
    f.write('content/sections/dunia.yml', 'name: Dunia\ndescription: x\norder: -1\n');
    const { quick, yaml } = both(f);
    expect(quick.problems.length).toBeGreaterThan(15);
    expect(quick).toEqual(yaml);
  });
});
