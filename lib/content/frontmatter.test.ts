import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generate, rng } from '../../scripts/synthetic-content';
import { quickFrontmatter } from './frontmatter';

/** What the loader's slow path sees: `yaml` with unique keys, or undefined on any error. */
function yamlValue(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJS();
}

/** The one promise: whenever the quick reader answers, `yaml` parses the text to the same value. */
function expectAgrees(text: string): boolean {
  const quick = quickFrontmatter(text);
  // Compared cheaply first: expect() on every one of thousands of cases is slow.
  if (quick !== undefined && !isDeepStrictEqual(quick, yamlValue(text))) {
    expect({ text, value: quick }).toEqual({ text, value: yamlValue(text) });
  }
  return quick !== undefined;
}

describe('quickFrontmatter', () => {
  it('reads the frontmatter articles usually have, as yaml does', () => {
    const samples = [
      'title: "Putin Tiba di Pyongyang"\nsummary: "Ringkas."\npublishedAt: "2024-06-20T14:05:00+07:00"\nsection: internasional\ntags: [rusia, korea-utara]\nauthors: [redaksi]',
      "title: 'Kata ''Putin'''\ntags:\n  - rusia\n  - iran\nauthors:\n- redaksi\ndraft: true",
      'image:\n  src: /images/foto.jpg\n  alt: "Foto"\ntags: []\norder: 12\nname: Redaksi Warta',
      '# komentar\n\ntitle: "x"   \nsource: Reuters (AFP)\ndraft: FALSE\nupdatedAt: null',
    ];
    for (const text of samples) {
      expect(quickFrontmatter(text)).toBeDefined();
      expectAgrees(text);
    }
  });

  it('takes every synthetic benchmark article, so the benchmark measures the quick path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-quick-'));
    generate(50, dir);
    for (const name of fs.readdirSync(path.join(dir, 'articles'))) {
      const text = fs.readFileSync(path.join(dir, 'articles', name), 'utf8');
      const frontmatter = text.slice(4, text.indexOf('\n---\n', 4));
      expect(quickFrontmatter(frontmatter), name).toBeDefined();
      expectAgrees(frontmatter);
    }
    fs.rmSync(dir, { recursive: true });
  });

  it('leaves everything it does not model to yaml', () => {
    const unsure = [
      'title: Putin: Kami Siap',
      'title: "a\\"b"',
      'title: "tanpa penutup',
      'summary: baris satu\n  baris dua',
      'section: internasional # rubrik',
      'tags: [a, [b]]',
      'tags: [a,\n  b]',
      'title: "a"\ntitle: "b"',
      'image:\n  src: a\n  src: b',
      'corrections:\n  - date: "2024-06-20T14:05:00+07:00"\n    text: "x"',
      'title:\tx',
      'title: x\r\nsummary: y',
      'a: &x 1\nb: *x',
      'title: !!str 5',
      'summary: |\n  teks',
      'order: 1.5',
      'order: 0x1f',
      'order: 012',
      'title: .inf',
      'title:',
      '',
      '- a',
      'title: \u00a0x',
    ];
    for (const text of unsure) expect({ text, value: quickFrontmatter(text) }).toEqual({ text, value: undefined });
  });

  it('agrees with yaml on thousands of generated near-misses', () => {
    // Pieces chosen to sit on the edges of what the quick reader accepts.
    const keys = ['title', 'tags', 'image', 'src', 'draft', 'a_b', '1x', 'Title', 'title '];
    const likely = ['"x"', "'x'", "'it''s'", '"a#b"', 'x', 'x y', 'x  ', 'true', '7', '[]', '[a, b]', '[a,b]', '["a", \'b\']', '/a/b.jpg'];
    const edgy = [
      '', ' ', 'x #c', 'x#c', 'a:b', 'a: b', 'True', 'yes', 'null', '~', '0', '007', '-1', '1e3', '.5', '[ ]', '[a, ]',
      '[a b, c]', '[x: y]', '{a: 1}', '- a', '&a x', '*a', '!t x', '|', '>', '"', "'", 'é', 'Ünïcode', '\u00a0',
      'a, b', 'a [b]', '"x" y', 'C#', 'rp 10%', '@x', '`x`', '%x', '"\u00e9"', '/a b', '/', '[/a]',
    ];
    const prefixes = ['', ' ', '  ', '- ', '  - ', '   - ', '# '];
    const next = rng(7);
    const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const value = () => pick(next() < 0.8 ? likely : edgy);
    let answered = 0;
    for (let n = 0; n < 5000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 5) }, () => {
        const prefix = next() < 0.6 ? '' : pick(prefixes);
        return next() < 0.3 && prefix.includes('-') ? `${prefix}${value()}` : `${prefix}${pick(keys)}:${next() < 0.9 ? ' ' : ''}${value()}`;
      });
      if (expectAgrees(lines.join('\n'))) answered++;
    }
    // Enough of the cases take the quick path for the comparison to mean something.
    expect(answered).toBeGreaterThan(500);
  });
});
