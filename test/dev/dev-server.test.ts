/**
 * `npm run dev` starts and renders pages: the README promises it, and nothing else runs it.
 * (Next.js 16 hands out its WebSocket upgrade handler only after prepare(); registering it
 * earlier crashed the development server at start.) Run: npm run test:dev.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RunningServer, startServer } from '../../scripts/production-server';

const PORT = Number(process.env.DEV_PORT ?? 3250);
let running: RunningServer | undefined;

before(async () => {
  running = await startServer(PORT, {}, '/robots.txt', 180_000, 'development');
});

after(async () => {
  await running?.stop();
});

test('the development server renders the home page and an article', async () => {
  const home = await fetch(`${running!.url}/`);
  assert.equal(home.status, 200);
  assert.match(await home.text(), /<html lang="id"/);
  const article = await fetch(`${running!.url}/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara`);
  assert.equal(article.status, 200);
  assert.match(await article.text(), /Putin/);
  assert.match(running!.log(), /Warta development server on http:\/\/127\.0\.0\.1:/);
});

test('the development server answers an unknown URL with 404', async () => {
  assert.equal((await fetch(`${running!.url}/berita/tidak-ada-berita-ini`)).status, 404);
});
