/**
 * npm run cluster against the existing build (npm run build first; nothing is rebuilt): two
 * instances behind nginx on 127.0.0.1:3700, Redis on 3799 started here so the test can stop it.
 * - every instance serves one build: the same deployment id and build id, and its assets load;
 * - a story published through one instance shows on the other;
 * - a scheduled story is 404 everywhere before its time, then out on every instance and through
 *   nginx within seconds of it;
 * - the front cache answers repeated page requests (X-Cache-Status: HIT);
 * - an instance killed (SIGKILL) under load: 0 failed requests, and the supervisor restarts it;
 * - Redis stopped under page and read-beacon load: no 5xx, reads held (202) and written to Redis
 *   once it is back, one log line per instance; publishing fans out again;
 * - a rolling reload (npm run cluster -- reload) under load: 0 failed requests.
 * Every loop is bounded; everything started here is stopped by pid. Run: npm run test:cluster.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';

const PORT = 3700;
const REDIS_PORT = 3799;
const FRONT = `http://127.0.0.1:${PORT}`;
const instanceUrl = (i: number) => `http://127.0.0.1:${PORT + i}`;
const SECRET = 'rahasia-uji-klaster-revalidasi';
const LOAD_PATHS = [{ path: '/cari?q=putin+senjata' }, { path: '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara' }, { path: '/' }];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-cluster-test-'));
const contentDir = path.join(work, 'content');
const runDir = path.join(work, 'run');
let cluster: ChildProcess | undefined;
let redis: ChildProcess | undefined;
let log = '';

function startRedis(): ChildProcess {
  return spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s\n--- cluster output ---\n${log.slice(-4000)}`);
}

const state = () => JSON.parse(fs.readFileSync(path.join(runDir, 'cluster.json'), 'utf8')) as { instances: { port: number; pid: number }[] };

function article(slug: string, title: string, publishedMs = Date.now() - 60_000): string {
  const publishedAt = new Date(publishedMs).toISOString().replace(/\.\d+Z$/, 'Z');
  return `---\ntitle: "${title}"\nsummary: "Artikel uji klaster untuk ${slug}: tidak pernah ada di content/."\npublishedAt: "${publishedAt}"\nsection: nasional\ntags:\n  - pemilu-2024\nauthors:\n  - redaksi\n---\n\nIni artikel uji klaster.\n`;
}

async function publishThrough(instance: number, slug: string, title: string, publishedMs?: number): Promise<void> {
  fs.writeFileSync(path.join(contentDir, 'articles', `${slug}.md`), article(slug, title, publishedMs));
  const response = await fetch(`${instanceUrl(instance)}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slugs: [slug] }),
  });
  assert.equal(response.status, 200, await response.text());
}

/** The other instance serves the story and lists it on its home page. */
async function showsOn(instance: number, slug: string, title: string, timeoutMs = 10_000): Promise<void> {
  await until(`instance ${instance} shows ${slug}`, timeoutMs, async () => {
    const page = await fetch(`${instanceUrl(instance)}/berita/${slug}`);
    if (page.status !== 200) return undefined;
    const home = await (await fetch(`${instanceUrl(instance)}/`)).text();
    return home.includes(title) ? true : undefined;
  });
}

function load(seconds: number, connections = 8, requests: autocannon.Request[] = LOAD_PATHS): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: FRONT, connections, duration: seconds, requests, timeout: 20 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const BEACON_SLUG = 'putin-buka-peluang-kirim-senjata-ke-korea-utara';
/**
 * A reader's read beacon as a browser posts it from our page, each from another address (nginx
 * passes X-Forwarded-For on, and the instances believe it from nginx): every one is a new read.
 */
const BEACON: autocannon.Request = {
  method: 'POST',
  path: '/api/terbaca',
  body: BEACON_SLUG,
  setupRequest: (request) => ({
    ...request,
    headers: {
      ...request.headers,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      origin: FRONT,
      'sec-fetch-site': 'same-origin',
      'content-type': 'text/plain;charset=UTF-8',
      'x-forwarded-for': `10.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}`,
    },
  }),
};

/** Every read count in Redis, summed over the hours. */
async function readsInRedis(): Promise<number> {
  const client = new Redis(`redis://127.0.0.1:${REDIS_PORT}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    let sum = 0;
    for (const key of await client.keys('warta:views:*')) {
      const flat = await client.zrange(key, '0', '-1', 'WITHSCORES');
      for (let i = 1; i < flat.length; i += 2) sum += Number(flat[i]);
    }
    return sum;
  } finally {
    client.disconnect();
  }
}

/** The lines about Redis each instance ("[1] …", "[2] …") wrote in this part of the cluster's output. */
function redisLines(output: string): Map<string, string[]> {
  const lines = new Map<string, string[]>([['1', []], ['2', []]]);
  for (const match of output.matchAll(/^\[(\d+)\] (.*(?:redis|ECONNREFUSED|:3799).*)$/gim)) lines.get(match[1]!)?.push(match[2]!);
  return lines;
}

function assertClean(name: string, result: autocannon.Result) {
  console.log(`${name}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`);
  assert.ok(result.requests.total > 0);
  assert.equal(result.non2xx + result.errors + result.timeouts, 0, `${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
}

describe('npm run cluster', { timeout: 8 * 60_000 }, () => {
  before(async () => {
    fs.cpSync('content', contentDir, { recursive: true });
    redis = startRedis();
    cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        WARTA_INSTANCES: '2',
        WARTA_RUN_DIR: runDir,
        WARTA_CONTENT_DIR: contentDir,
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        REVALIDATE_SECRET: SECRET,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout!.on('data', (d) => (log += d));
    cluster.stderr!.on('data', (d) => (log += d));
    await until('the cluster starts', 150_000, async () => {
      if (cluster!.exitCode !== null) throw new Error(`cluster exited (${cluster!.exitCode}):\n${log}`);
      return log.includes('Warta cluster on') ? true : undefined;
    }).catch((error) => {
      if (cluster!.exitCode !== null) throw new Error(`cluster exited (${cluster!.exitCode}):\n${log}`);
      throw error;
    });
  });

  after(async () => {
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((resolve) => cluster!.once('exit', resolve));
      cluster.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (cluster.exitCode === null) cluster.kill('SIGKILL');
    }
    if (redis && redis.exitCode === null) redis.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('every instance serves one build: the same deployment id and build id, and its assets load', async () => {
    const buildId = fs.readFileSync('.next/BUILD_ID', 'utf8').trim();
    assert.match(buildId, /^[A-Za-z0-9_-]+$/);
    for (const base of [instanceUrl(1), instanceUrl(2), FRONT]) {
      const page = await fetch(`${base}/berita/${BEACON_SLUG}`);
      assert.equal(page.status, 200, base);
      assert.equal(page.headers.get('x-warta-build'), buildId, `${base}: X-Warta-Build`);
      const html = await page.text();
      assert.equal(/<html[^>]*\sdata-dpl-id="([^"]+)"/.exec(html)?.[1], buildId, `${base}: data-dpl-id`);
      const ids = new Set([...html.matchAll(/[?&](?:amp;)?dpl=([A-Za-z0-9_-]+)/g)].map((m) => m[1]));
      assert.deepEqual([...ids], [buildId], `${base}: every asset URL carries the deployment id`);
      // The stylesheet and an image, as the page names them, load through this very server.
      const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
      const image = /<img[^>]*\ssrc="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(css?.includes(`dpl=${buildId}`) && image?.includes(`dpl=${buildId}`), `${base}: ${css} ${image}`);
      const cssResponse = await fetch(base + css);
      assert.equal(cssResponse.status, 200, `${base}${css}`);
      assert.match(cssResponse.headers.get('content-type') ?? '', /^text\/css/);
      assert.equal((await fetch(base + image)).status, 200, `${base}${image}`);
      // Next.js's own skew check: a navigation answers with the deployment id.
      const navigation = await fetch(`${base}/`, { headers: { RSC: '1' } });
      assert.equal(navigation.headers.get('x-nextjs-deployment-id'), buildId, `${base}: x-nextjs-deployment-id`);
      await navigation.arrayBuffer();
    }
  });

  test('a scheduled story is 404 everywhere before its time, then out on every instance and through nginx within seconds', async () => {
    const slug = `uji-klaster-terjadwal-${Date.now()}`;
    const title = `Uji klaster terjadwal ${slug.slice(-6)}`;
    // Far enough ahead to see it hidden everywhere first, near enough to come out within the minute
    // that shared caches would otherwise keep pages.
    const publishedMs = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
    await publishThrough(1, slug, title, publishedMs);
    const bases = [instanceUrl(1), instanceUrl(2), FRONT];
    const seen = async (base: string) => {
      const page = await fetch(`${base}/berita/${slug}`);
      await page.arrayBuffer();
      const home = await (await fetch(`${base}/`)).text();
      const tag = await (await fetch(`${base}/topik/pemilu-2024`)).text();
      return { page: page.status, home: home.includes(title), tag: tag.includes(title) };
    };
    // Before its time: nowhere, asked twice so nginx has the pages in its cache meanwhile.
    for (let round = 0; round < 2; round++) {
      for (const base of bases) assert.deepEqual(await seen(base), { page: 404, home: false, tag: false }, `${base} before its time`);
      await sleep(1_000);
    }
    assert.ok(Date.now() < publishedMs - 3_000, 'the checks before its time ran before it');
    await sleep(publishedMs - Date.now());
    const lateness = new Map<string, number>();
    await until('the scheduled story on every instance and through nginx', 20_000, async () => {
      for (const base of bases) {
        if (lateness.has(base)) continue;
        const now = await seen(base);
        if (now.page === 200 && now.home && now.tag) lateness.set(base, Date.now() - publishedMs);
      }
      return lateness.size === bases.length ? true : undefined;
    });
    console.log(`scheduled story out after ${[...lateness].map(([base, ms]) => `${base}: ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    for (const [base, ms] of lateness) assert.ok(ms <= 10_000, `${base}: out ${ms} ms after its time`);
  });

  test('a story published through one instance shows on the other', async () => {
    await publishThrough(1, 'uji-klaster-satu', 'Uji klaster satu terbit');
    await showsOn(2, 'uji-klaster-satu', 'Uji klaster satu terbit');
  });

  test('nginx caches pages in front, and not search or previews (X-Cache-Status)', async () => {
    const url = `${FRONT}/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara`;
    await fetch(url);
    const second = await fetch(url);
    assert.equal(second.status, 200);
    assert.match(second.headers.get('x-cache-status') ?? '', /HIT|STALE|UPDATING/);
    // Search and an editor's preview go past the cache (no queue behind its lock, no public copy).
    const search = await fetch(`${FRONT}/cari?q=putin`);
    await search.arrayBuffer();
    assert.equal(search.headers.get('x-cache-status'), 'BYPASS');
    const preview = await fetch(url, { headers: { cookie: 'warta_pratinjau=x' } });
    await preview.arrayBuffer();
    assert.equal(preview.headers.get('x-cache-status'), 'BYPASS');
  });

  test('an instance killed under load: 0 failed, and it is started again', async () => {
    const victim = state().instances[0]!;
    const running = load(12);
    await sleep(3_000);
    process.kill(victim.pid, 'SIGKILL');
    assertClean('instance killed', await running);
    await until('the killed instance is restarted and answers', 90_000, async () => {
      const now = state().instances[0]!;
      if (now.pid === victim.pid) return undefined;
      return (await fetch(`${instanceUrl(1)}/robots.txt`)).ok ? true : undefined;
    });
  });

  test('Redis stopped under page and beacon load: no 5xx, reads held and written back, one log line per instance; publishing fans out again', async () => {
    // Beacons counted before the stop, into the Redis that is about to go (without persistence).
    const warm = await load(2, 4, [BEACON]);
    assertClean('beacons, Redis up', warm);
    assert.ok((await readsInRedis()) > 0, 'beacons counted into Redis while it is up');
    const logBefore = log.length;
    const running = load(10, 8, [...LOAD_PATHS, BEACON]);
    await sleep(2_000);
    redis!.kill('SIGKILL');
    const result = await running;
    assertClean('redis stopped', result);
    const held = Number(result.statusCodeStats?.['202']?.count ?? 0);
    assert.ok(held > 0, 'beacons answered 202 (held) while Redis was down');
    const lines = redisLines(log.slice(logBefore));
    for (const [instance, said] of lines) {
      console.log(`instance ${instance} about Redis down: ${JSON.stringify(said)}`);
      assert.equal(said.length, 1, `instance ${instance} logged Redis down once`);
      assert.match(said[0]!, /^\[redis\] /);
    }
    redis = startRedis();
    // Every held read reaches the new (empty) Redis; no beacon arrives meanwhile. A beacon still on
    // its way when the load stopped was held too, unseen by autocannon: at most one per connection.
    let inRedis = 0;
    await until(`the ${held} held reads in Redis`, 20_000, async () => {
      inRedis = await readsInRedis();
      return inRedis >= held ? true : undefined;
    }).catch((error: Error) => {
      throw new Error(`${inRedis} reads in Redis: ${error.message}`);
    });
    console.log(`beacons answered 202 (held): ${held}; reads in Redis after its return: ${inRedis}`);
    assert.ok(inRedis <= held + 8, `${inRedis} reads in Redis, ${held} held: none counted twice`);
    // ioredis reconnects (and resubscribes) within its retry delay.
    await until('publishing fans out again after Redis returns', 30_000, async () => {
      const slug = `uji-klaster-kembali-${Date.now()}`;
      const title = `Uji klaster kembali ${slug.slice(-6)}`;
      await publishThrough(2, slug, title);
      await showsOn(1, slug, title, 4_000);
      return true;
    });
  });

  test('a rolling reload under load: 0 failed', async () => {
    const before = state().instances.map((i) => i.pid);
    const running = load(45);
    await sleep(2_000);
    const reload = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts', 'reload'], {
      env: { ...process.env, WARTA_RUN_DIR: runDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    reload.stdout!.on('data', (d) => (out += d));
    reload.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => reload.once('exit', resolve));
    assert.equal(code, 0, out);
    assertClean('rolling reload', await running);
    const afterPids = state().instances.map((i) => i.pid);
    assert.ok(afterPids.every((pid, i) => pid !== before[i]), 'every instance was restarted');
  });
});
