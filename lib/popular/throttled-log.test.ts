import { expect, test } from 'vitest';
import { redisLog, throttledLog } from './throttled-log';

test('a failing store is logged once a minute per topic, not once per request', () => {
  let ms = 0;
  const lines: string[] = [];
  const log = throttledLog(60_000, () => ms, (line) => lines.push(line));
  for (let i = 0; i < 100; i++) log('most-read list unavailable', new Error('SQLITE_CANTOPEN'));
  log('read not counted', 'connection refused');
  ms += 60_000;
  log('most-read list unavailable', new Error('SQLITE_CANTOPEN'));
  expect(lines).toEqual([
    '[terpopuler] most-read list unavailable: SQLITE_CANTOPEN',
    '[terpopuler] read not counted: connection refused',
    '[terpopuler] most-read list unavailable: SQLITE_CANTOPEN (99 more since the last report)',
  ]);
});

test('one timer for every topic: a cause met by several parts is one line a minute in all', () => {
  let ms = 1_000_000;
  const lines: string[] = [];
  const log = throttledLog(60_000, () => ms, (line) => lines.push(line), { prefix: '[redis]', oneTimer: true });
  const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
  // Three minutes of an outage, a report every 100 ms from each of three parts.
  for (let step = 0; step < 3 * 600; step++) {
    log('read held until Redis returns', refused);
    log('most-read list unavailable', refused);
    log('fan-out', refused);
    ms += 100;
  }
  expect(lines).toEqual([
    '[redis] read held until Redis returns: connect ECONNREFUSED 127.0.0.1:6379',
    '[redis] read held until Redis returns: connect ECONNREFUSED 127.0.0.1:6379 (1799 more since the last report)',
    '[redis] read held until Redis returns: connect ECONNREFUSED 127.0.0.1:6379 (1799 more since the last report)',
  ]);
  // 59.9 s after the last line: still quiet; at 60 s: the next.
  ms = 1_000_000 + 120_000 + 59_900;
  log('fan-out', refused);
  expect(lines).toHaveLength(3);
  ms += 100;
  log('fan-out', refused);
  expect(lines.at(-1)).toBe('[redis] fan-out: connect ECONNREFUSED 127.0.0.1:6379 (1800 more since the last report)');
});

test("the process's Redis log is one logger, wherever it is asked for", () => {
  expect(redisLog()).toBe(redisLog());
});
