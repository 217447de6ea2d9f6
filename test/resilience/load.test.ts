/**
 * Load, soak, crash-restart and fault tests against the production server on 127.0.0.1.
 * Every loop is bounded in requests and time. Run: npm run test:load (after npm run build).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import autocannon from 'autocannon';
import { type RunningServer, startServer as startProductionServer } from '../../scripts/production-server';

const PORT = Number(process.env.LOAD_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const PATHS = {
  article: '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara',
  tag: '/topik/hubungan-rusia-korea-utara',
  search: '/cari?q=putin+senjata',
};
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const SOAK_REQUESTS = Number(process.env.SOAK_REQUESTS ?? 100_000);

let running: RunningServer | undefined;

function startServer(): Promise<RunningServer> {
  return startProductionServer(PORT, { WARTA_FAULT_INJECTION: '1' }, '/', 30_000);
}

/** Resident memory (MiB) of the server and any processes it spawned. */
function residentMiB(pid: number): number {
  const pids = [pid];
  try {
    pids.push(...execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number));
  } catch {
    // no children
  }
  let kib = 0;
  for (const p of pids) {
    const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
    kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return Math.round(kib / 1024);
}

function run(options: Omit<autocannon.Options, 'url'>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...options, url: BASE }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function assertClean(name: string, result: autocannon.Result) {
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${name}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  assert.equal(bad, 0, `${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  assert.ok(result.requests.total > 0);
}

describe('under load', { timeout: 15 * 60_000 }, () => {
  before(async () => {
    running = await startServer();
  });
  after(() => {
    running?.child.kill('SIGKILL');
  });

  test(`64 connections for ${LOAD_SECONDS} s on article, tag and search pages: no errors, all 2xx`, async () => {
    const result = await run({
      connections: 64,
      duration: LOAD_SECONDS,
      requests: [{ path: PATHS.article }, { path: PATHS.tag }, { path: PATHS.search }],
    });
    assertClean('load', result);
  });

  test(`a soak of ${SOAK_REQUESTS} requests: memory levels off`, async () => {
    const pid = running!.child.pid!;
    // Warm up first, so "before" is the steady state rather than a cold process.
    await run({ connections: 16, amount: 2_000, requests: [{ path: PATHS.article }, { path: PATHS.search }] });
    const before = residentMiB(pid);
    const samples: number[] = [];
    const quarter = Math.floor(SOAK_REQUESTS / 4);
    for (let i = 0; i < 4; i++) {
      const result = await run({
        connections: 32,
        amount: quarter,
        // Mostly prerendered pages, with a search (rendered per request) in every sixth request.
        requests: [{ path: PATHS.article }, { path: PATHS.tag }, { path: '/' }, { path: PATHS.article }, { path: PATHS.tag }, { path: PATHS.search }],
      });
      assertClean(`soak ${i + 1}/4`, result);
      samples.push(residentMiB(pid));
    }
    console.log(`resident memory: before ${before} MiB, after each quarter ${samples.join(' → ')} MiB`);
    // Levelling off: the last quarter adds little compared with the first.
    const growthLastQuarter = samples[3]! - samples[2]!;
    assert.ok(growthLastQuarter < 64, `memory still growing in the last quarter: +${growthLastQuarter} MiB`);
    assert.ok(samples[3]! < before + 512, `memory grew by ${samples[3]! - before} MiB`);
  });

  test('a page that fails to render shows the error page, logs the cause, and the others keep serving', async () => {
    const response = await fetch(`${BASE}/uji-galat`);
    // 500, and the error boundary (app/error.tsx) takes over in the browser (e2e/pages.spec.ts).
    assert.equal(response.status, 500);
    await new Promise((r) => setTimeout(r, 200));
    assert.match(running!.log(), /Injected render fault/);
    for (const path of Object.values(PATHS)) assert.equal((await fetch(`${BASE}${path}`)).status, 200, path);
  });

  test('the server starts cleanly after being killed mid-load', async () => {
    const load = run({ connections: 32, duration: 5, requests: [{ path: PATHS.article }] }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    running!.child.kill('SIGKILL');
    await load;
    running = await startServer();
    for (const path of Object.values(PATHS)) assert.equal((await fetch(`${BASE}${path}`)).status, 200, path);
    assert.doesNotMatch(running.log(), /error/i);
  });
});

describe('a stop under keep-alive load', { timeout: 120_000 }, () => {
  test('every request in flight or arriving on a kept-alive connection is answered whole, and the server exits promptly', async () => {
    const port = PORT + 5;
    const server = await startProductionServer(port, {}, '/', 60_000);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    let answered = 0;
    let refused = 0;
    const broken: string[] = [];
    let stopping = false;
    // Eight kept-alive connections, never idle, as a proxy in front keeps them.
    const client = async () => {
      while (!stopping || answered < 50) {
        const outcome = await new Promise<'ok' | 'refused' | string>((resolve) => {
          const req = http.get({ host: '127.0.0.1', port, path: PATHS.article, agent }, (res) => {
            let length = 0;
            res.on('data', (chunk: Buffer) => (length += chunk.length));
            res.on('end', () => resolve(res.statusCode === 200 && length > 1000 ? 'ok' : `status ${res.statusCode}, ${length} bytes`));
            res.on('error', (error) => resolve(`response: ${error.message}`));
          });
          req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused' : `request: ${error.code ?? error.message}`));
        });
        if (outcome === 'ok') answered++;
        else if (outcome === 'refused') refused++;
        else broken.push(outcome);
        if (outcome === 'refused' || server.child.exitCode !== null) return;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 1500));
    stopping = true;
    const stoppedAt = performance.now();
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    const exitMs = performance.now() - stoppedAt;
    await Promise.all(clients);
    agent.destroy();
    console.log(`stop under load: ${answered} answered, ${refused} refused after the stop, ${broken.length} broken, exit after ${Math.round(exitMs)} ms`);
    // A connection closed between two requests is a reset before any byte of an answer: a proxy
    // retries those. What must never happen is an answer cut short.
    assert.deepEqual(broken.filter((b) => !/^request: (ECONNRESET|EPIPE)$/.test(b)), []);
    assert.ok(answered > 50);
    assert.ok(exitMs < 8_000, `the server took ${Math.round(exitMs)} ms to stop`);
  });
});
