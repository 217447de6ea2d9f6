/**
 * A production build and server of a large generated archive, for the Playwright tests that need
 * one (e2e/archive/): 5,000 synthetic stories (scripts/synthetic-content.ts, a fixed seed) in
 * test-artifacts/, built into .next-archive beside the main build, served on PORT. The build is
 * kept while the generated content and the commit are unchanged, so a second run only starts the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from './synthetic-content';

export const ARCHIVE_STORIES = 5000;
const contentDir = path.resolve('test-artifacts', 'archive-content');
const dist = '.next-archive';
// Built again when the stories or the code (its commit) change; uncommitted edits need rm -rf .next-archive.
const commit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() ?? '';
const stamp = `${ARCHIVE_STORIES} stories, seed 7, commit ${commit}\n`;
const stampFile = path.join(dist, 'warta-archive-stamp');

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', WARTA_CONTENT_DIR: contentDir, WARTA_DIST_DIR: dist };
if (!fs.existsSync(path.join(dist, 'BUILD_ID')) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
  fs.rmSync(contentDir, { recursive: true, force: true });
  generate(ARCHIVE_STORIES, contentDir, 7);
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { env, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  fs.writeFileSync(stampFile, stamp);
}
const server = spawn(process.execPath, ['server/start.cjs'], { env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
