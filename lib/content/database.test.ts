import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { search } from '../search';
import type { WriterCall } from './database-schema';
import { articlesById, type ContentDatabase, ContentDatabaseError, FORMAT, openContentDatabase, updateContentDatabase, writeContentDatabase, writeContentDatabaseOnTwoThreads } from './database';
import { article, makeFixture } from '../../test/support/fixtures';
import { contentDatabasePath, getContent, getSearchSource, reloadContent } from './index';
import { type LoadedEntry, loadContent, type LoadOptions, type LoadResult } from './load';
import { searchSourceFrom } from '../../test/support/test-store';
import { byNewest } from './store';
import { plainArticle } from './stored-article';
import type { RawContent } from './types';

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PNG_2x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAQAAABeK7cBAAAADUlEQVR42mNkYGBgAAAABQABh6FO1AAAAABJRU5ErkJggg==', 'base64');

function setup() {
  const f = makeFixture();
  f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"' }, 'Isi kedua dengan kata “Baca” — é.\n\n::baca-juga{slug="pertama"}'));
  f.write('public/images/foto.png', PNG_1x1);
  f.write('content/articles/bergambar.md', article({ title: '"Bergambar"', image: '\n  src: /images/foto.png\n  alt: "Foto"' }));
  const options: LoadOptions = { contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root };
  return { f, options, file: path.join(f.root, '.next/cache/warta-content/content.db') };
}

/** Content with each body as its text, articles by slug: where a body is kept may differ, and how the fields are (getters of a StoredArticle). */
const asText = (content: RawContent) => ({
  ...content,
  articles: content.articles.map((a) => ({ ...plainArticle(a), body: a.body.text() })).sort((a, b) => a.slug.localeCompare(b.slug)),
  tags: [...content.tags].sort((a, b) => a.slug.localeCompare(b.slug)),
  sections: [...content.sections].sort((a, b) => a.slug.localeCompare(b.slug)),
  authors: [...content.authors].sort((a, b) => a.slug.localeCompare(b.slug)),
});

function firstLoad(options: LoadOptions): LoadResult {
  const result = loadContent(options);
  expect(result.problems).toEqual([]);
  return result;
}

describe('loading again from a previous load', () => {
  it('takes every unchanged article from it, bodies included, and gives the same content', () => {
    const { options } = setup();
    const first = firstLoad(options);
    const second = loadContent({ ...options, previous: first });
    expect(second.problems).toEqual([]);
    expect(second.reused).toBe(3);
    expect(asText(second.content)).toEqual(asText(first.content));
    expect(asText(second.content).articles.find((a) => a.slug === 'kedua')?.body).toContain('Isi kedua dengan kata “Baca” — é.');
  });

  it('reads an edited file again, even one edited to the same size within the same second', () => {
    const { f, options } = setup();
    const first = firstLoad(options);
    const original = fs.readFileSync(path.join(f.contentDir, 'articles/kedua.md'), 'utf8');
    const edited = original.replace('Berita Kedua', 'Berita Ganda');
    expect(edited.length).toBe(original.length);
    f.write('content/articles/kedua.md', edited);
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(2);
    expect(second.content.articles.find((a) => a.slug === 'kedua')?.title).toBe('Berita Ganda');
  });

  it('drops a deleted file, and reports the links to it from unchanged files', () => {
    const { f, options } = setup();
    const first = firstLoad(options);
    f.remove('content/articles/pertama.md');
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(2);
    expect(second.problems).toEqual([
      expect.objectContaining({ file: 'content/articles/kedua.md', line: 12, message: expect.stringContaining('read-also link to "pertama"') }),
    ]);
    expect(second.problems).toEqual(loadContent(options).problems);
  });

  it('points at the line of an unchanged file when a tag it uses is deleted', () => {
    const { f, options } = setup();
    const first = firstLoad(options);
    f.remove('content/tags/rusia.yml');
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(3);
    expect(second.problems.map((p) => [p.file, p.line, p.field, p.message])).toEqual([
      ['content/articles/bergambar.md', 6, 'tags.0', 'unknown tag "rusia"'],
      ['content/articles/kedua.md', 6, 'tags.0', 'unknown tag "rusia"'],
      ['content/articles/pertama.md', 6, 'tags.0', 'unknown tag "rusia"'],
    ]);
    expect(second.problems).toEqual(loadContent(options).problems);
  });

  it('reads a new file, and again an article whose image was replaced', () => {
    const { f, options } = setup();
    const first = firstLoad(options);
    f.write('content/articles/ketiga.md', article({ title: '"Berita Ketiga"' }));
    f.write('public/images/foto.png', PNG_2x1);
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(2);
    expect(second.content.articles.map((a) => a.slug).sort()).toEqual(['bergambar', 'kedua', 'ketiga', 'pertama']);
    expect(second.content.articles.find((a) => a.slug === 'bergambar')?.image).toMatchObject({ width: 2, height: 1 });
  });
});

describe('content.db', () => {
  it('holds exactly the content of the folder, and writes again only the files that changed', () => {
    const { f, options, file } = setup();
    // A running story with its explainer: both must come back from the database.
    f.write(
      'content/tags/vietnam.yml',
      'name: Vietnam\ndescription: Berita tentang Vietnam.\nstory: true\nexplainer:\n  updatedAt: "2025-09-05T10:00:00+07:00"\n  facts:\n    - "Satu."\n    - "Dua."\n    - "Tiga."\n    - "Empat."\n  questions:\n    - question: "Apa?"\n      answer: "Itu."\n    - question: "Siapa?"\n      answer: "Dia."\n',
    );
    const first = writeContentDatabase(file, options);
    expect(first.problems).toEqual([]);
    expect(first.reused).toBe(0);
    const database = openContentDatabase(file);
    const read = database.read('content/articles').content;
    expect(asText(read)).toEqual(asText(loadContent(options).content));
    expect(read.tags.find((t) => t.slug === 'vietnam')).toMatchObject({ story: true, explainer: { facts: ['Satu.', 'Dua.', 'Tiga.', 'Empat.'] } });
    database.close();

    f.write('content/articles/ketiga.md', article({ title: '"Berita Ketiga"' }, 'Isi ketiga.'));
    const second = writeContentDatabase(file, options);
    expect(second.reused).toBe(3);
    // What it returns reads every body, the unchanged articles' (taken from the database) too.
    expect(asText(second.content)).toEqual(asText(loadContent(options).content));
    const again = openContentDatabase(file);
    expect(asText(again.read('content/articles').content)).toEqual(asText(loadContent(options).content));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['content.db']);
  });

  it('is the same written on two threads (the content check), and leaves nothing behind when the content has a problem', async () => {
    const { f, options, file } = setup();
    f.write('content/articles/pasokan.md', article({ title: '"Pasokan Senjata"' }, 'Rusia [memasok](https://contoh.id/pasok) senjata. <b>Tebal</b>\n\n::baca-juga{slug="pertama"}'));
    const one = writeContentDatabase(file, options);
    const twoFile = path.join(f.root, 'two/content.db');
    const two = await writeContentDatabaseOnTwoThreads(twoFile, options);
    expect(two.problems).toEqual([]);
    expect(fs.readdirSync(path.dirname(twoFile))).toEqual(['content.db']);
    const [a, b] = [file, twoFile].map((name) => openContentDatabase(name));
    expect(asText(b!.read('content/articles').content)).toEqual(asText(a!.read('content/articles').content));
    for (const q of ['pasokan', 'memasok senjata', 'tebal', 'contoh', 'baca']) {
      const total = (database: ContentDatabase, result: LoadResult) => search({ ...searchSourceFrom(f, {}, file), database, byId: articlesById(result.entries) }, { q, page: 1, pageSize: 10 }).total;
      expect(total(b!, two), q).toBe(total(a!, one));
    }
    // Link targets, tags and directives are not the story's words.
    expect(search({ ...searchSourceFrom(f, {}, file), database: b!, byId: articlesById(two.entries) }, { q: 'contoh', page: 1, pageSize: 10 }).total).toBe(0);
    a!.close();
    b!.close();

    f.write('content/articles/rusak.md', '---\ntitle: "Tanpa tanggal"\n---\nIsi.\n');
    const failed = await writeContentDatabaseOnTwoThreads(path.join(f.root, 'three/content.db'), options);
    expect(failed.problems.length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(f.root, 'three'))).toEqual([]);
  });

  it('leaves nothing behind, renaming nothing, when the second thread fails', async () => {
    const { options, file } = setup();
    const post = Worker.prototype.postMessage;
    // A row the schema refuses (articles.slug is NOT NULL): the thread fails with its file begun.
    const spy = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, calls: WriterCall[]) {
      for (const call of calls) if (call[0] === 'story') call[1].article[3] = null as unknown as string;
      post.call(this, calls);
    } as Worker['postMessage']);
    try {
      await expect(writeContentDatabaseOnTwoThreads(file, options)).rejects.toThrow(/the index thread failed: .*NOT NULL constraint failed: articles\.slug/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('writes a changed file again under its row id, a new file under the next one', () => {
    const { f, options, file } = setup();
    f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"' }, 'Pelabuhan baru dibuka.'));
    writeContentDatabase(file, options);
    const query = (sql: string) => {
      const sqlite = new Database(file, { readonly: true });
      try {
        return sqlite.prepare(sql).raw().all();
      } finally {
        sqlite.close();
      }
    };
    const ids = () => Object.fromEntries(query('SELECT path, id FROM articles') as [string, number][]);
    const before = ids();
    expect(Object.values(before).sort()).toEqual([1, 2, 3]);

    f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"' }, 'Bandara baru diresmikan.'));
    f.write('content/articles/ketiga.md', article({ title: '"Berita Ketiga"' }, 'Isi ketiga.'));
    const result = writeContentDatabase(file, options);
    expect(result.reused).toBe(2);
    expect(ids()).toEqual({ ...before, 'articles/ketiga.md': 4 });
    expect(Object.fromEntries([...result.entries].map(([name, entry]) => [`articles/${name}`, entry.id]))).toEqual(ids());
    // The index has the story's new words under its row, and no longer the old ones.
    expect(query("SELECT rowid FROM search_index WHERE search_index MATCH 'bandara'")).toEqual([[before['articles/kedua.md']]]);
    expect(query("SELECT rowid FROM search_index WHERE search_index MATCH 'pelabuhan'")).toEqual([]);
    expect(result.content.articles.find((a) => a.slug === 'kedua')?.body.text().trim()).toBe('Bandara baru diresmikan.');
  });

  it('starts from its rows in a build moved to another folder: paths are relative, files known by their hash', () => {
    const { f, options, file } = setup();
    writeContentDatabase(file, options);
    const moved = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-moved-'));
    fs.cpSync(f.root, moved, { recursive: true });
    const movedOptions = { contentDir: path.join(moved, 'content'), publicDir: path.join(moved, 'public'), rootDir: moved };
    const result = writeContentDatabase(path.join(moved, '.next/cache/warta-content/content.db'), movedOptions);
    expect(result.problems).toEqual([]);
    expect(result.reused).toBe(3);
  });

  it('writes nothing when the content has a problem: the previous database stays whole', () => {
    const { f, options, file } = setup();
    writeContentDatabase(file, options);
    const before = fs.readFileSync(file);
    f.write('content/articles/rusak.md', '---\ntitle: "Tanpa tanggal"\n---\nIsi.\n');
    const result = writeContentDatabase(file, options);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['content.db']);
  });

  it('refuses a missing, old-format or damaged database with a message that says what to run, and is written afresh over one', () => {
    const { options, file } = setup();
    const refusal = (problem: string) => {
      let error: unknown;
      try {
        openContentDatabase(file);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ContentDatabaseError);
      expect((error as ContentDatabaseError).problem).toBe(problem);
      expect((error as Error).message).toContain('run `npm run build`');
      return (error as Error).message;
    };
    expect(refusal('missing')).toContain(file);

    writeContentDatabase(file, options);
    const old = new Database(file);
    old.pragma(`user_version = ${FORMAT - 1}`);
    old.close();
    expect(refusal('old-format')).toContain(`format ${FORMAT - 1}, expected ${FORMAT}`);
    expect(writeContentDatabase(file, options).reused).toBe(0);
    expect(openContentDatabase(file).read('').content.articles).toHaveLength(3);

    fs.writeFileSync(file, 'not a database at all, just text '.repeat(200));
    refusal('corrupt');
    expect(writeContentDatabase(file, options).problems).toEqual([]);
    expect(openContentDatabase(file).read('').content.articles).toHaveLength(3);

    fs.writeFileSync(file, '');
    refusal('old-format');
  });

  it('is brought up to date in place after a content change, and keeps answering searches meanwhile', () => {
    const { f, options, file } = setup();
    f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"' }, 'Pelabuhan baru dibuka.'));
    const source = searchSourceFrom(f, {}, file);
    const found = (q: string, byId = source.byId) => search({ ...source, byId }, { q, page: 1, pageSize: 10 }).total;
    expect(found('pelabuhan')).toBe(1);

    f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"' }, 'Bandara baru diresmikan.'));
    expect(found('peresmian')).toBe(0);
    const result = updateContentDatabase(file, { ...options, previous: { entries: source.database.read('content/articles').entries() } }, source.database);
    expect(result.problems).toEqual([]);
    expect(result.reused).toBe(2);
    // The server's next load (a new set of articles) searches the database as updated.
    expect(found('pelabuhan', articlesById(result.entries))).toBe(0);
    expect(found('bandara', articlesById(result.entries))).toBe(1);
    // A word new to the index meets the other spellings of its stem.
    expect(found('peresmian', articlesById(result.entries))).toBe(1);
    expect(result.content.articles.find((a) => a.slug === 'kedua')?.body.text()).toContain('Bandara baru diresmikan.');

    // Invalid content: nothing changes.
    f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"', tags: '[tidak-ada]' }, 'Stasiun baru dibuka.'));
    const invalid = updateContentDatabase(file, { ...options, previous: { entries: result.entries } }, source.database);
    expect(invalid.problems.map((p) => p.message)).toEqual(['unknown tag "tidak-ada"']);
    expect(source.database.read('').content.articles.find((a) => a.slug === 'kedua')?.body.text()).toContain('Bandara');
    f.remove('content/articles/kedua.md');
    expect(updateContentDatabase(file, { ...options, previous: { entries: result.entries } }, source.database).problems).toEqual([]);
    expect(source.database.read('').content.articles.map((a) => a.slug).sort()).toEqual(['bergambar', 'pertama']);
  });
});

describe('reading content.db (ContentDatabase.read)', () => {
  const summary = (entries: Map<string, LoadedEntry>) => [...entries].map(([name, e]) => [name, e.id, e.hash, e.readAlsoLines, e.image, e.article.title]).sort();

  it('gives the articles by row, and when asked (once) the entries the write gave, on those very articles', () => {
    const { options, file } = setup();
    const written = writeContentDatabase(file, options);
    const database = openContentDatabase(file);
    const read = database.read('content/articles');
    expect(asText(read.content)).toEqual(asText(written.content));
    expect([...read.byId].map(([id, a]) => [id, a.slug]).sort()).toEqual([...articlesById(written.entries)].map(([id, a]) => [id, a.slug]).sort());
    const entries = read.entries();
    expect(summary(entries)).toEqual(summary(written.entries));
    expect(entries.get('kedua.md')?.readAlsoLines).toEqual([expect.any(Number)]);
    for (const entry of entries.values()) expect(read.content.articles).toContain(entry.article);
    expect(read.entries()).toBe(entries);
    database.close();
  });

  it('gives the articles newest first, ties by slug: the order the store sorts them in', () => {
    const { f, options, file } = setup();
    f.write('content/articles/lebih-baru.md', article({ title: '"Lebih Baru"', publishedAt: '"2024-06-21T14:05:00+07:00"' }));
    f.write('content/articles/lebih-lama.md', article({ title: '"Lebih Lama"', publishedAt: '"2024-06-19T14:05:00+07:00"' }));
    writeContentDatabase(file, options);
    const database = openContentDatabase(file);
    const slugs = database.read('content/articles').content.articles.map((a) => a.slug);
    expect(slugs).toEqual(['lebih-baru', 'bergambar', 'kedua', 'pertama', 'lebih-lama']);
    expect(slugs).toEqual(loadContent(options).content.articles.sort(byNewest).map((a) => a.slug));
    database.close();
  });

  it('takes the entries from the rows as they are when another connection changed them meanwhile', () => {
    const { f, options, file } = setup();
    writeContentDatabase(file, options);
    const database = openContentDatabase(file);
    const served = database.read('content/articles');
    // Another instance's revalidation writes an edited story through its own connection.
    f.write('content/articles/kedua.md', article({ title: '"Berita Kedua Diperbarui"' }, 'Isi baru.'));
    const other = openContentDatabase(file);
    expect(updateContentDatabase(file, { ...options, previous: { entries: other.read('content/articles').entries() } }, other).problems).toEqual([]);
    const now = openContentDatabase(file).read('content/articles').entries();
    expect(served.content.articles.find((a) => a.slug === 'kedua')?.title).toBe('Berita Kedua');
    expect(summary(served.entries())).toEqual(summary(now));
    expect(served.entries().get('kedua.md')?.article.title).toBe('Berita Kedua Diperbarui');
    database.close();
    other.close();
  });
});

describe('search over whole stories', () => {
  it('finds a word deep in a long body', () => {
    const f = makeFixture();
    const long = `${'Paragraf pembuka tentang cuaca dan hujan di kota. '.repeat(120)}\n\nKata langka vostochny muncul di sini.\n`;
    expect(long.indexOf('vostochny')).toBeGreaterThan(3000);
    f.write('content/articles/panjang.md', article({ title: '"Berita Panjang"' }, long));
    const source = searchSourceFrom(f);
    const result = search(source, { q: 'vostochny', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.article.slug)).toEqual(['panjang']);
    expect(result.hits[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['vostochny']);
  });

  it('counts totals exactly past 1,000', () => {
    const f = makeFixture();
    for (let i = 0; i < 1234; i++) {
      f.write(`content/articles/cerita-${i}.md`, article({ title: `"Cerita nomor ${i}"`, publishedAt: `"2024-01-01T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}+07:00"` }, `Isi cerita ${i % 2 === 0 ? 'tentang nikel yang dipasok' : 'lain'}.`));
    }
    const source = searchSourceFrom(f);
    const all = search(source, { q: 'cerita', page: 1, pageSize: 10 });
    expect(all.total).toBe(1234);
    expect(all.totalPages).toBe(124);
    expect(search(source, { q: 'nikel', page: 62, pageSize: 10 }).total).toBe(617);
    expect(search(source, { q: 'nikel', page: 62, pageSize: 10 }).hits).toHaveLength(7);
    // Stems of a whole new index come from its vocabulary: "pasokan" meets "dipasok".
    expect(search(source, { q: 'pasokan', page: 1, pageSize: 10 }).total).toBe(617);
  }, 60_000);
});

describe('the site’s content (getContent)', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
    delete (globalThis as { __wartaContent?: unknown }).__wartaContent;
    vi.restoreAllMocks();
  });

  it('writes a damaged content.db again from the folder, brings it up to date on revalidation', () => {
    const { f } = setup();
    // The site's images are under the project's public/, not the fixture's.
    f.remove('content/articles/bergambar.md');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-dist-'));
    process.env.WARTA_CONTENT_DIR = f.contentDir;
    process.env.WARTA_DIST_DIR = dist;
    delete (globalThis as { __wartaContent?: unknown }).__wartaContent;
    fs.mkdirSync(path.dirname(contentDatabasePath()), { recursive: true });
    fs.writeFileSync(contentDatabasePath(), 'garbage '.repeat(1000));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(getContent().candidates.map((a) => a.slug).sort()).toEqual(['kedua', 'pertama']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Damaged content.db: writing it again from the content folder'));

    f.write('content/articles/baru.md', article({ title: '"Berita Baru Tentang Nikel"' }, 'Nikel.'));
    const { before, after } = reloadContent();
    expect(before.article('baru')).toBeUndefined();
    expect(after.article('baru')?.title).toBe('Berita Baru Tentang Nikel');
    expect(search(getSearchSource(), { q: 'nikel', page: 1, pageSize: 10 }).hits.map((h) => h.article.slug)).toEqual(['baru']);
  });

  it('refuses, saying what to run, when content.db can be neither opened nor written', () => {
    const { f } = setup();
    const notAFolder = path.join(f.root, 'dist-is-a-file');
    fs.writeFileSync(notAFolder, '');
    process.env.WARTA_CONTENT_DIR = f.contentDir;
    process.env.WARTA_DIST_DIR = notAFolder;
    delete (globalThis as { __wartaContent?: unknown }).__wartaContent;
    expect(() => getContent()).toThrow(/content database .* is impossible to write .*run `npm run build`/);
  });
});

