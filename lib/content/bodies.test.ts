import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileShelf, FileShelfWriter, MemoryShelf, readBody, readBodyLead, textBody } from './bodies';

const texts = ['Isi “berita” é — ünïcode 🇮🇩.', 'x'.repeat(70_000), '', 'Paragraf kedua.\n\nKetiga.', '🙂'.repeat(200_000)];

describe('body shelves', () => {
  it('give back every body as written, across slabs and for bodies larger than a slab', () => {
    const shelf = new MemoryShelf(16);
    const refs = texts.map((t) => shelf.append(Buffer.from(t)));
    expect(refs.map(readBody)).toEqual(texts);
  });

  it('read a file of bodies by position', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bodies-')), 'bodies.bin');
    const bytes = texts.map((t) => Buffer.from(t));
    fs.writeFileSync(file, Buffer.concat(bytes));
    const shelf = new FileShelf(fs.openSync(file, 'r'));
    let at = 0;
    const refs = bytes.map((b) => {
      const ref = { shelf, at, bytes: b.length };
      at += b.length;
      return ref;
    });
    expect(refs.map(readBody)).toEqual(texts);
    expect(() => readBody({ shelf, at, bytes: 10 })).toThrow(/ends before byte/);
  });

  it('write bodies straight to a file and read them back, pending or written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bodies-'));
    const writer = new FileShelfWriter(path.join(dir, 'bodies.tmp'));
    const big = 'b'.repeat(9 << 20);
    const refs = [...texts, big, ...texts].map((t) => writer.append(Buffer.from(t)));
    expect(readBody(refs[0]!)).toBe(texts[0]);
    expect(refs.map(readBody)).toEqual([...texts, big, ...texts]);
    expect(writer.finish()).toBe(fs.statSync(writer.path).size);
  });

  it('read the lead of a body without cutting a character', () => {
    expect(readBodyLead(textBody('🙂'.repeat(10)), 3)).toBe('🙂'.repeat(10).slice(0, 3));
    expect(readBodyLead(textBody('é'.repeat(10)), 4)).toBe('éééé');
    expect(readBodyLead(textBody('Pendek.'), 1500)).toBe('Pendek.');
    expect(readBodyLead(textBody('x'.repeat(5000)), 1500)).toHaveLength(1500);
  });
});
