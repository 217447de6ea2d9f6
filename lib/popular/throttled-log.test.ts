import { expect, test } from 'vitest';
import { throttledLog } from './throttled-log';

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
