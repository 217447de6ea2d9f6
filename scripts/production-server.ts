/**
 * Starts the production server (server/index.ts as the build bundled it, never `next start`) on 127.0.0.1 against an
 * existing build, for the load and publishing tests and the benchmarks; or the development server.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the production server (npm start: server/start.cjs) (or, with `mode: 'development'`, as `npm run dev`
 * does) and waits until `probe` answers (up to `timeoutMs`).
 */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
  probe = '/robots.txt',
  timeoutMs = 120_000,
  mode: 'production' | 'development' = 'production',
): Promise<RunningServer> {
  let log = '';
  // Production: the server as next build bundled it (npm start); development: the sources (npm run dev).
  const args = mode === 'development' ? ['--import', 'tsx', 'server/index.ts', '--dev'] : ['server/start.cjs'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, NODE_ENV: mode, PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(12_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(url + probe)).ok) return { url, child, log: () => log, stop };
    } catch {
      // not listening yet
    }
    // Often enough that the benchmarks' start times are the server's, not this loop's.
    await sleep(50);
  }
  await stop();
  throw new Error(`server did not answer ${probe} within ${timeoutMs / 1000} s:\n${log}`);
}
