/**
 * A logger that writes at most once per `intervalMs` for each topic, so a store that is down
 * leaves one line a minute, not one per request. The message says how many were left out.
 */
export function throttledLog(intervalMs = 60_000, now: () => number = Date.now, write: (line: string) => void = console.error) {
  const last = new Map<string, { at: number; skipped: number }>();
  return (topic: string, error: unknown) => {
    const entry = last.get(topic);
    const time = now();
    if (entry && time - entry.at < intervalMs) {
      entry.skipped++;
      return;
    }
    const cause = error instanceof Error ? error.message : String(error);
    const skipped = entry?.skipped ? ` (${entry.skipped} more since the last report)` : '';
    write(`[terpopuler] ${topic}: ${cause}${skipped}`);
    last.set(topic, { at: time, skipped: 0 });
  };
}
