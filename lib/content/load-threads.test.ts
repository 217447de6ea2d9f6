import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBody } from './bodies';
import { article, makeFixture } from './fixtures';
import { loadContent, type LoadResult } from './load';
import { loadContentOnThreads } from './load-threads';
import { readSnapshot, writeSnapshot, type SnapshotPlace } from './snapshot';

/** 40 stories, with problems of their own and of cross-reference spread over several chunks. */
function folder() {
  const f = makeFixture();
  for (let i = 0; i < 40; i++) {
    const n = String(i).padStart(2, '0');
    const fields: Record<string, string> = { title: `"Berita ${n}"`, publishedAt: `"2024-06-${String(1 + (i % 28)).padStart(2, '0')}T10:${n}:00+07:00"` };
    if (i === 3) fields.section = 'olahraga'; // unknown section (cross-reference)
    if (i === 17) fields.publishedAt = '"kemarin"'; // invalid date (the file itself)
    if (i === 29) fields.tags = '[rusia, tidak-ada]'; // unknown tag (cross-reference)
    const body = i === 35 ? 'Isi.\n\n::baca-juga{slug="hilang"}' : `Isi berita nomor ${n}, dengan kata “kutip” — é.`;
    f.write(`content/articles/berita-${n}.md`, article(fields, body));
  }
  f.write('content/articles/kopi.md', article({ title: '"Berita 05"', publishedAt: '"2024-06-06T10:05:00+07:00"' })); // a duplicate
  const place: SnapshotPlace = { dir: path.join(f.root, '.next/cache/warta-content'), contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root };
  fs.mkdirSync(place.dir, { recursive: true });
  return { f, place, options: { contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root } };
}

const asText = (result: LoadResult) => ({
  problems: result.problems,
  articles: result.content.articles.map((a) => ({ ...a, body: readBody(a.body) })),
  tags: result.content.tags,
});

describe('loading the article files on several threads', () => {
  it('gives exactly the content and the problems, in order, of a load on one thread', async () => {
    const { place, options } = folder();
    const bodiesPath = (i: number) => path.join(place.dir, `bodies-test-${i}.tmp`);
    const threaded = await loadContentOnThreads({ ...options, threads: 3, bodiesPath, chunkFiles: 4 });
    const single = loadContent(options);
    // The file's own problem first, then cross-references in file order.
    expect(single.problems.map((p) => p.file)).toEqual([
      'content/articles/berita-17.md',
      'content/articles/berita-03.md',
      'content/articles/berita-29.md',
      'content/articles/berita-35.md',
      'content/articles/kopi.md',
    ]);
    expect(asText(threaded)).toEqual(asText(single));
    // Two worker threads wrote bodies of their own beside this thread's.
    expect(new Set(threaded.content.articles.map((a) => a.body.shelf)).size).toBe(3);
  });

  it('writes a snapshot that keeps every thread\'s bodies file, and reads back the same bodies', async () => {
    const { f, place, options } = folder();
    f.remove('content/articles/berita-17.md');
    f.write('content/articles/berita-35.md', article({ title: '"Berita 35"' }));
    f.write('content/articles/berita-03.md', article({ title: '"Berita 03"', publishedAt: '"2024-06-04T10:03:00+07:00"' }));
    f.write('content/articles/berita-29.md', article({ title: '"Berita 29"', publishedAt: '"2024-06-02T10:29:00+07:00"' }));
    f.remove('content/articles/kopi.md');
    const bodiesPath = (i: number) => path.join(place.dir, `bodies-test-${i}.tmp`);
    const threaded = await loadContentOnThreads({ ...options, threads: 2, bodiesPath, chunkFiles: 4 });
    expect(threaded.problems).toEqual([]);
    writeSnapshot(place, threaded, 'build-1');
    const files = fs.readdirSync(place.dir).sort();
    expect(files.filter((n) => n.startsWith('bodies-'))).toHaveLength(2);
    expect(files.some((n) => n.endsWith('.tmp'))).toBe(false);
    const { load, id } = readSnapshot(place);
    expect(id).toBe('build-1');
    const text = (articles: { slug: string; body: Parameters<typeof readBody>[0] }[]) => Object.fromEntries(articles.map((a) => [a.slug, readBody(a.body)]));
    expect(text(load!.content.articles)).toEqual(text(threaded.content.articles));
    expect(Object.keys(text(load!.content.articles))).toHaveLength(40); // 39 stories and the fixture's own
  });

  it('loads a folder too small to share out on this thread alone', async () => {
    const { place, options } = folder();
    const bodiesPath = (i: number) => path.join(place.dir, `bodies-small-${i}.tmp`);
    const result = await loadContentOnThreads({ ...options, threads: 2, bodiesPath });
    expect(new Set(result.content.articles.map((a) => a.body.shelf)).size).toBe(1);
    expect(fs.existsSync(bodiesPath(1))).toBe(false);
    expect(asText(result)).toEqual(asText(loadContent(options)));
  });
});
