import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Test helper: a small, valid content folder in a temporary directory, with per-test edits. */
export interface Fixture {
  root: string;
  contentDir: string;
  publicDir: string;
  write(relativePath: string, text: string | Buffer): void;
  remove(relativePath: string): void;
}

export function article(fields: Record<string, string | undefined>, body = 'Isi berita yang cukup panjang untuk dibaca.'): string {
  const defaults: Record<string, string> = {
    title: '"Judul Berita"',
    summary: '"Ringkasan berita."',
    publishedAt: '"2024-06-20T14:05:00+07:00"',
    section: 'internasional',
    tags: '[rusia]',
    authors: '[redaksi]',
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

export function makeFixture(): Fixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-content-'));
  const contentDir = path.join(root, 'content');
  const publicDir = path.join(root, 'public');
  const write = (relativePath: string, text: string | Buffer) => {
    const full = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };
  write('content/sections/internasional.yml', 'name: Internasional\ndescription: Berita dunia.\norder: 1\n');
  write('content/sections/nasional.yml', 'name: Nasional\ndescription: Berita dalam negeri.\norder: 2\n');
  write('content/tags/rusia.yml', 'name: Rusia\ndescription: Berita tentang Rusia.\n');
  write('content/tags/korea-utara.yml', 'name: Korea Utara\ndescription: Berita tentang Korea Utara.\n');
  write('content/tags/vietnam.yml', 'name: Vietnam\ndescription: Berita tentang Vietnam.\n');
  write('content/authors/redaksi.yml', 'name: Redaksi Warta\nbio: Tim redaksi.\n');
  write('content/articles/pertama.md', article({ title: '"Berita Pertama"' }));
  fs.mkdirSync(publicDir, { recursive: true });
  return { root, contentDir, publicDir, write, remove: (p) => fs.rmSync(path.join(root, p)) };
}
