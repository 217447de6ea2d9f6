import { type ChildProcess, spawn } from 'node:child_process';

export interface RunningServer {
  child: ChildProcess;
  /** Everything the server printed so far. */
  log: () => string;
  clearLog: () => void;
}

/**
 * Starts the production server (server/index.ts) on 127.0.0.1:`port` against the existing build
 * and resolves once the home page answers; rejects with the server's output if it never does.
 */
export async function startProductionServer(port: number, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return { child, log: () => log, clearLog: () => (log = '') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${log}`);
}
