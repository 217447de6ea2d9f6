import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, makeFixture } from '../../test/support/fixtures';
import { openContentDatabase, updateContentDatabase, writeContentDatabase } from './database';
import { loadContent, type LoadOptions } from './load';
import { plainArticle, StoredArticle, type StoredRows } from './stored-article';
import type { Article } from './types';

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A folder whose stories between them set every field an article can have. */
function setup() {
  const f = makeFixture();
  f.write('public/images/foto.png', PNG_1x1);
  f.write(
    'content/articles/lengkap.md',
    article(
      {
        title: '"Berita “Lengkap” — é"',
        updatedAt: '"2024-06-21T09:00:00+07:00"',
        source: '"Reuters"',
        dateline: '"JAKARTA"',
        tags: '[rusia, vietnam]',
        image: '\n  src: /images/foto.png\n  alt: "Foto"\n  caption: "Keterangan"\n  credit: "Warta"',
        corrections: '\n  - date: "2024-06-21T10:00:00+07:00"\n    text: "Nama diperbaiki."',
      },
      'Isi lengkap.\n\n::baca-juga{slug="pertama"}',
    ),
  );
  f.write('content/articles/draf.md', article({ title: '"Draf"', draft: 'true' }));
  const options: LoadOptions = { contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root };
  return { f, options, file: path.join(f.root, '.next/cache/warta-content/content.db') };
}

const bySlug = (articles: Article[]) => new Map(articles.map((a) => [a.slug, a]));

/** Every field of an article as read through it (getters included), the body as its text. */
const fields = (a: Article) => ({ ...plainArticle(a), body: a.body.text() });

describe('an article read from content.db (StoredArticle)', () => {
  it('has every field, each as the article read from its file has it', () => {
    const { options, file } = setup();
    expect(writeContentDatabase(file, options).problems).toEqual([]);
    const loaded = bySlug(loadContent(options).content.articles);
    const database = openContentDatabase(file);
    const stored = database.read('content/articles').content.articles;
    expect(stored.map((a) => a.slug).sort()).toEqual([...loaded.keys()].sort());
    for (const a of stored) {
      expect(a).toBeInstanceOf(StoredArticle);
      const fromFile = loaded.get(a.slug)!;
      // Every own key of the loaded article, read one by one: a getter missing or mixed up fails here.
      for (const key of Object.keys(fromFile) as (keyof Article)[]) {
        if (key !== 'body') expect(a[key], `${a.slug}.${key}`).toEqual(fromFile[key]);
      }
      expect(fields(a)).toEqual(fields(fromFile));
    }
    const full = stored.find((a) => a.slug === 'lengkap')!;
    expect(full).toMatchObject({ source: 'Reuters', dateline: 'JAKARTA', readAlso: ['pertama'], updatedAt: '2024-06-21T09:00:00+07:00' });
    expect(full.image).toMatchObject({ src: '/images/foto.png', caption: 'Keterangan', width: 1, height: 1 });
    expect(full.corrections).toEqual([{ date: '2024-06-21T10:00:00+07:00', text: 'Nama diperbaiki.' }]);
    expect(stored.find((a) => a.slug === 'draf')?.draft).toBe(true);
    database.close();
  });

  it('reads a database with no stories', () => {
    const { f, options, file } = setup();
    for (const slug of ['pertama', 'lengkap', 'draf']) f.remove(`content/articles/${slug}.md`);
    expect(writeContentDatabase(file, options).problems).toEqual([]);
    const database = openContentDatabase(file);
    const served = database.read('content/articles');
    expect(served.content.articles).toEqual([]);
    expect(served.content.tags.length).toBeGreaterThan(0);
    database.close();
  });

  it('parses its details only when one is first read, and once', () => {
    const rows: StoredRows = { details: Buffer.from('not JSON{"title":"Judul","corrections":[]}'), articlesFolder: 'content/articles', body: (id) => `body ${id}` };
    const broken = new StoredArticle(rows, 7, 0, 8, 'rusak', 1, 'nasional', ['rusia'], ['redaksi'], false);
    expect([broken.slug, broken.publishedMs, broken.section, broken.tags, broken.authors, broken.draft, broken.body.text()]).toEqual(['rusak', 1, 'nasional', ['rusia'], ['redaksi'], false, 'body 7']);
    expect(broken.file).toBe(`content/articles${path.sep}rusak.md`);
    expect(() => broken.title).toThrow(SyntaxError);
    const fine = new StoredArticle(rows, 8, 8, rows.details.length, 'baik', 1, 'nasional', [], [], false);
    expect(fine.title).toBe('Judul');
    expect(fine.corrections).toBe(fine.corrections);
  });

  it('is copied whole by plainArticle and serialised whole by JSON.stringify, where a spread misses its details', () => {
    const { options, file } = setup();
    writeContentDatabase(file, options);
    const loaded = bySlug(loadContent(options).content.articles).get('lengkap')!;
    const database = openContentDatabase(file);
    const stored = database.read('content/articles').content.articles.find((a) => a.slug === 'lengkap')!;
    expect({ ...stored }).not.toHaveProperty('title');
    const copy = plainArticle(stored);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(loaded).sort());
    const { body: _body, ...withoutBody } = copy;
    const { body: _loadedBody, ...loadedWithoutBody } = loaded;
    expect(withoutBody).toEqual(loadedWithoutBody);
    const json = (a: Article) => {
      const { body: _b, ...rest } = JSON.parse(JSON.stringify(a)) as Article;
      return rest;
    };
    expect(json(stored)).toEqual(json(loaded));
    database.close();
  });

  it('is taken whole into the next load when its file is unchanged (revalidation), and an edited one is read again', () => {
    const { f, options, file } = setup();
    writeContentDatabase(file, options);
    const database = openContentDatabase(file);
    const served = database.read('content/articles');
    f.write('content/articles/pertama.md', article({ title: '"Berita Pertama Diperbarui"' }, 'Isi baru.'));
    const result = updateContentDatabase(file, { ...options, previous: { entries: served.entries() } }, database);
    expect(result.problems).toEqual([]);
    expect(result.reused).toBe(2);
    const after = bySlug(result.content.articles);
    // The unchanged stories are the very articles served before, the edited one read again.
    expect(after.get('lengkap')).toBe(served.content.articles.find((a) => a.slug === 'lengkap'));
    expect(after.get('pertama')).not.toBeInstanceOf(StoredArticle);
    const fresh = bySlug(loadContent(options).content.articles);
    for (const [slug, a] of after) expect(fields(a), slug).toEqual(fields(fresh.get(slug)!));
    // And the database as written gives them again.
    const again = bySlug(openContentDatabase(file).read('content/articles').content.articles);
    for (const [slug, a] of again) expect(fields(a), slug).toEqual(fields(fresh.get(slug)!));
    database.close();
  });
});
