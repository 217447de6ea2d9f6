import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../scripts/synthetic-content';

/** A folder of `count` synthetic articles (seed 42) in the temp dir, generated once and reused. */
export function syntheticDir(count: number): string {
  const dir = path.join(os.tmpdir(), `warta-bench-${count}`);
  if (!fs.existsSync(path.join(dir, 'articles', `berita-sintetis-${String(count - 1).padStart(6, '0')}.md`))) {
    fs.rmSync(dir, { recursive: true, force: true });
    generate(count, dir);
  }
  return dir;
}

export const syntheticSlug = (i: number) => `berita-sintetis-${String(i).padStart(6, '0')}`;

/** "1k", "10k", "100k". */
export const countLabel = (count: number) => (count % 1000 === 0 ? `${count / 1000}k` : String(count));
