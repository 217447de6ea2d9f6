import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingFromBuild } from './deployment-check';

/** A build folder with BUILD_ID and, as asked, links to packages that do or do not exist. */
function build(links: Record<string, string> | null): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-deploy-'));
  const dist = path.join(root, '.next');
  fs.mkdirSync(dist);
  fs.writeFileSync(path.join(dist, 'BUILD_ID'), 'x');
  fs.mkdirSync(path.join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), '{}');
  if (links) {
    fs.mkdirSync(path.join(dist, 'node_modules'));
    for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(dist, 'node_modules', name));
  }
  return dist;
}

describe('missingFromBuild', () => {
  it('finds nothing missing in a whole build', () => {
    expect(missingFromBuild(build({ 'better-sqlite3-abc': '../../node_modules/better-sqlite3', 'ioredis-def': '../../node_modules/better-sqlite3' }))).toEqual([]);
  });

  it('names a missing link folder', () => {
    expect(missingFromBuild(build(null))).toEqual([expect.stringMatching(/\.next\/node_modules\/ is missing: copy the whole build folder/)]);
  });

  it('names a link that does not resolve, and a package with no link', () => {
    const missing = missingFromBuild(build({ 'better-sqlite3-abc': '../../node_modules/tidak-ada' }));
    expect(missing).toEqual([expect.stringMatching(/no link to ioredis/), expect.stringMatching(/better-sqlite3-abc → \.\.\/\.\.\/node_modules\/tidak-ada does not resolve/)]);
  });

  it('names any other link that does not resolve, scoped packages included', () => {
    const dist = build({ 'better-sqlite3-abc': '../../node_modules/better-sqlite3', 'ioredis-def': '../../node_modules/better-sqlite3', 'zod-0123456789abcdef': '../../node_modules/zod' });
    fs.mkdirSync(path.join(dist, 'node_modules', '@orama'));
    fs.symlinkSync('../../../node_modules/@orama/stopwords', path.join(dist, 'node_modules', '@orama', 'stopwords-0123456789abcdef'));
    expect(missingFromBuild(dist)).toEqual([
      expect.stringMatching(/@orama\/stopwords-0123456789abcdef → .* does not resolve: node_modules\/@orama\/stopwords must be installed/),
      expect.stringMatching(/zod-0123456789abcdef → .* does not resolve: node_modules\/zod must be installed/),
    ]);
  });

  it('says when there is no build at all', () => {
    expect(missingFromBuild(path.join(os.tmpdir(), 'warta-tidak-ada'))).toEqual([expect.stringMatching(/no production build here; run npm run build/)]);
  });
});
