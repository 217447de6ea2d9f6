export type ThrottledLog = (topic: string, error: unknown) => void;

/**
 * A logger that writes at most once per `intervalMs` for each topic, so a store that is down
 * leaves one line a minute, not one per request. The message says how many were left out.
 * `prefix` starts each line; with `oneTimer`, every topic shares one interval (one line a minute
 * about a cause, whichever part of the process meets it first).
 */
export function throttledLog(
  intervalMs = 60_000,
  now: () => number = Date.now,
  write: (line: string) => void = console.error,
  { prefix = '[terpopuler]', oneTimer = false }: { prefix?: string; oneTimer?: boolean } = {},
): ThrottledLog {
  const last = new Map<string, { at: number; skipped: number }>();
  return (topic, error) => {
    const key = oneTimer ? '' : topic;
    const entry = last.get(key);
    const time = now();
    if (entry && time - entry.at < intervalMs) {
      entry.skipped++;
      return;
    }
    const cause = error instanceof Error ? error.message : String(error);
    const skipped = entry?.skipped ? ` (${entry.skipped} more since the last report)` : '';
    write(`${prefix} ${topic}: ${cause}${skipped}`);
    last.set(key, { at: time, skipped: 0 });
  };
}

const slot = globalThis as typeof globalThis & { __wartaRedisLog?: ThrottledLog };

/**
 * This process's one log of Redis failures, shared by the read counts, the publishing fan-out and
 * every bundle that loads them (Next.js's route bundles and the server are separate module
 * instances, hence globalThis): Redis down leaves one `[redis]` line a minute per instance.
 */
export function redisLog(): ThrottledLog {
  slot.__wartaRedisLog ??= throttledLog(60_000, Date.now, console.error, { prefix: '[redis]', oneTimer: true });
  return slot.__wartaRedisLog;
}
