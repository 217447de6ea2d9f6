import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileShelfWriter, readBody } from './bodies';
import { article, makeFixture, type Fixture } from './fixtures';
import { loadContent, type LoadOptions, type PreviousLoad } from './load';
import { readSnapshot, writeSnapshot, type SnapshotPlace } from './snapshot';
import type { RawContent } from './types';

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PNG_2x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAQAAABeK7cBAAAADUlEQVR42mNkYGBgAAAABQABh6FO1AAAAABJRU5ErkJggg==', 'base64');

/** Files written before a load count as settled once the clock has moved on (see RACY_MS). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 25));

function setup() {
  const f = makeFixture();
  f.write('content/articles/kedua.md', article({ title: '"Berita Kedua"' }, 'Isi kedua dengan kata “Baca” — é.\n\n::baca-juga{slug="pertama"}'));
  f.write('public/images/foto.png', PNG_1x1);
  f.write('content/articles/bergambar.md', article({ title: '"Bergambar"', image: '\n  src: /images/foto.png\n  alt: "Foto"' }));
  const options: LoadOptions = { contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root, racyMs: 0 };
  const place: SnapshotPlace = { dir: path.join(f.root, '.next/cache/warta-content'), contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root };
  return { f, options, place };
}

/** Content with each body as its text: which shelf holds a body, and where, may differ. */
const asText = (content: RawContent) => ({ ...content, articles: content.articles.map((a) => ({ ...a, body: readBody(a.body) })) });

const bodies = (result: { content: { articles: { slug: string; body: Parameters<typeof readBody>[0] }[] } }) =>
  Object.fromEntries(result.content.articles.map((a) => [a.slug, readBody(a.body)]));

async function firstLoad(f: Fixture, options: LoadOptions): Promise<PreviousLoad & ReturnType<typeof loadContent>> {
  await settle();
  const result = loadContent(options);
  expect(result.problems).toEqual([]);
  await settle();
  return result;
}

describe('loading again from a previous load', () => {
  it('takes every unchanged article from it, bodies included, and gives the same content', async () => {
    const { f, options } = setup();
    const first = await firstLoad(f, options);
    const second = loadContent({ ...options, previous: first });
    expect(second.problems).toEqual([]);
    expect(second.reused).toBe(3);
    expect(asText(second.content)).toEqual(asText(first.content));
    expect(bodies(second)).toEqual(bodies(first));
    expect(bodies(second).kedua).toContain('Isi kedua dengan kata “Baca” — é.');
  });

  it('reads an edited file again, even one edited to the same size', async () => {
    const { f, options } = setup();
    const first = await firstLoad(f, options);
    const original = fs.readFileSync(path.join(f.contentDir, 'articles/kedua.md'), 'utf8');
    const edited = original.replace('Berita Kedua', 'Berita Ganda');
    expect(edited.length).toBe(original.length);
    f.write('content/articles/kedua.md', edited);
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(2);
    expect(second.content.articles.find((a) => a.slug === 'kedua')?.title).toBe('Berita Ganda');
  });

  it('reads again a file changed within RACY_MS before the previous load began', async () => {
    const { f, options } = setup();
    const first = await firstLoad(f, { ...options, racyMs: undefined });
    expect(loadContent({ ...options, racyMs: undefined, previous: first }).reused).toBe(0);
  });

  it('drops a deleted file, and reports the links to it from unchanged files', async () => {
    const { f, options } = setup();
    const first = await firstLoad(f, options);
    f.remove('content/articles/pertama.md');
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(2);
    expect(second.problems).toEqual([
      expect.objectContaining({ file: 'content/articles/kedua.md', line: 12, message: expect.stringContaining('read-also link to "pertama"') }),
    ]);
    expect(second.problems).toEqual(loadContent(options).problems);
  });

  it('points at the line of an unchanged file when a tag it uses is deleted', async () => {
    const { f, options } = setup();
    const first = await firstLoad(f, options);
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

  it('reads a new file, and again an article whose image was replaced', async () => {
    const { f, options } = setup();
    const first = await firstLoad(f, options);
    f.write('content/articles/ketiga.md', article({ title: '"Berita Ketiga"' }));
    f.write('public/images/foto.png', PNG_2x1);
    const second = loadContent({ ...options, previous: first });
    expect(second.reused).toBe(2);
    expect(second.content.articles.map((a) => a.slug).sort()).toEqual(['bergambar', 'kedua', 'ketiga', 'pertama']);
    expect(second.content.articles.find((a) => a.slug === 'bergambar')?.image).toMatchObject({ width: 2, height: 1 });
  });
});

describe('the content snapshot', () => {
  it('round-trips through its files: a load from it reuses every article, bodies read from disk', async () => {
    const { f, options, place } = setup();
    const first = await firstLoad(f, options);
    writeSnapshot(place, first);
    const { load, reason } = readSnapshot(place);
    expect(reason).toBeUndefined();
    const second = loadContent({ ...options, previous: load! });
    expect(second.reused).toBe(3);
    expect(asText(second.content)).toEqual(asText(first.content));
    expect(bodies(second)).toEqual(bodies(first));
  });

  it('gives the same content without what reuse needs (stamps: false), for the build\'s workers', async () => {
    const { f, options, place } = setup();
    const first = await firstLoad(f, options);
    writeSnapshot(place, first);
    const { load } = readSnapshot(place, { stamps: false });
    expect(load!.entries.size).toBe(0);
    expect(asText(load!.content)).toEqual(asText(first.content));
    expect(loadContent({ ...options, previous: load! }).reused).toBe(0);
  });

  it('keeps the bodies the content check wrote straight into its folder, without copying them', async () => {
    const { f, options, place } = setup();
    fs.mkdirSync(place.dir, { recursive: true });
    const writer = new FileShelfWriter(path.join(place.dir, 'bodies-check.tmp'));
    const first = await firstLoad(f, { ...options, shelf: writer });
    writeSnapshot(place, first);
    expect(fs.readdirSync(place.dir).sort()).toEqual([`bodies-${first.startedMs}-${process.pid}-0.bin`, 'snapshot.json']);
    const second = loadContent({ ...options, previous: readSnapshot(place).load! });
    expect(second.reused).toBe(3);
    expect(bodies(second)).toEqual(bodies(loadContent(options)));
  });

  it('replaces the previous snapshot and its bodies file', async () => {
    const { f, options, place } = setup();
    const first = await firstLoad(f, options);
    writeSnapshot(place, first);
    f.write('content/articles/ketiga.md', article({ title: '"Berita Ketiga"' }, 'Isi ketiga.'));
    await settle();
    const second = loadContent({ ...options, previous: readSnapshot(place).load! });
    writeSnapshot(place, { ...second, startedMs: second.startedMs + 1 });
    expect(fs.readdirSync(place.dir).filter((n) => n.startsWith('bodies-'))).toHaveLength(1);
    const third = loadContent({ ...options, previous: readSnapshot(place).load! });
    expect(third.reused).toBe(4);
    expect(bodies(third).ketiga).toBe('\nIsi ketiga.\n');
  });

  it('is not used, and says why, when it is damaged or belongs to another folder', async () => {
    const { f, options, place } = setup();
    writeSnapshot(place, await firstLoad(f, options));
    expect(readSnapshot({ ...place, contentDir: '/elsewhere' })).toEqual({ load: null, reason: `written for contentDir ${f.contentDir}` });

    const bodiesFile = fs.readdirSync(place.dir).find((n) => n.startsWith('bodies-'))!;
    fs.truncateSync(path.join(place.dir, bodiesFile), 10);
    expect(readSnapshot(place).reason).toMatch(/^bodies file bodies-\S+ is not \d+ bytes long$/);
    fs.rmSync(path.join(place.dir, bodiesFile));
    expect(readSnapshot(place).reason).toMatch(/^bodies file: ENOENT/);

    fs.writeFileSync(path.join(place.dir, 'snapshot.json'), '{"format":');
    expect(readSnapshot(place).reason).toMatch(/^unreadable snapshot.json: /);
    fs.writeFileSync(path.join(place.dir, 'snapshot.json'), '{"format":0}');
    expect(readSnapshot(place).reason).toBe('format 0, expected 3');
    fs.rmSync(path.join(place.dir, 'snapshot.json'));
    expect(readSnapshot(place)).toEqual({ load: null });
  });
});
