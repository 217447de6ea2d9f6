/**
 * npm run cluster against the existing build (npm run build first; nothing is rebuilt): two
 * instances behind nginx on 127.0.0.1:3700, Redis on 3799 started here so the test can stop it.
 * - a story published through one instance shows on the other;
 * - the front cache answers repeated page requests (X-Cache-Status: HIT);
 * - an instance killed (SIGKILL) under load: 0 failed requests, and the supervisor restarts it;
 * - Redis stopped under load: no failed request; publishing fans out again once it is back;
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

function article(slug: string, title: string): string {
  const now = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return `---\ntitle: "${title}"\nsummary: "Artikel uji klaster untuk ${slug}: tidak pernah ada di content/."\npublishedAt: "${now}"\nsection: nasional\ntags:\n  - pemilu-2024\nauthors:\n  - redaksi\n---\n\nIni artikel uji klaster.\n`;
}

async function publishThrough(instance: number, slug: string, title: string): Promise<void> {
  fs.writeFileSync(path.join(contentDir, 'articles', `${slug}.md`), article(slug, title));
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

function load(seconds: number, connections = 8): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: FRONT, connections, duration: seconds, requests: LOAD_PATHS, timeout: 20 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
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

  test('a story published through one instance shows on the other', async () => {
    await publishThrough(1, 'uji-klaster-satu', 'Uji klaster satu terbit');
    await showsOn(2, 'uji-klaster-satu', 'Uji klaster satu terbit');
  });

  test('nginx caches pages in front (X-Cache-Status)', async () => {
    const url = `${FRONT}/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara`;
    await fetch(url);
    const second = await fetch(url);
    assert.equal(second.status, 200);
    assert.match(second.headers.get('x-cache-status') ?? '', /HIT|STALE|UPDATING/);
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

  test('Redis stopped under load: pages keep serving; publishing fans out again once it is back', async () => {
    const running = load(10);
    await sleep(2_000);
    redis!.kill('SIGKILL');
    assertClean('redis stopped', await running);
    redis = startRedis();
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
