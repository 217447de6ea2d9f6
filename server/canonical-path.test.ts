import { describe, expect, it } from 'vitest';
import { canonicalPath } from './canonical-path';

describe('canonicalPath', () => {
  it.each([
    ['/./berita/x', '/berita/x'],
    ['/x/../berita/x', '/berita/x'],
    ['/%2e/berita/x', '/berita/x'],
    ['/%2E%2e/berita/x', '/berita/x'],
    ['/.%2e/berita/x', '/berita/x'],
    ['//berita//x', '/berita/x'],
    ['/berita/./x', '/berita/x'],
    ['/berita/x/.', '/berita/x'],
    ['/berita/x/', '/berita/x'],
    ['/\\berita\\x', '/berita/x'],
    ['/%62erita/x', '/berita/x'],
    ['/berita/%7e', '/berita/~'],
    ['/BERITA/Judul-A', '/berita/judul-a'],
    ['/Berita/JUDUL%2fx', '/berita/judul%2Fx'],
    ['/Lain/X', '/Lain/X'],
    ['/berita/a b', '/berita/a%20b'],
    ['/', '/'],
  ])('%s → %s', (raw, canonical) => expect(canonicalPath(raw)).toBe(canonical));

  it('is null for invalid percent-encoding', () => {
    expect(canonicalPath('/berita/%E0%A4%A')).toBeNull();
    expect(canonicalPath('/berita/%')).toBeNull();
  });

  it('is its own canonical form', () => {
    for (const raw of ['/./berita/x', '/%62erita/X', '/a/../b//c/', '/berita/caf%C3%A9']) {
      const once = canonicalPath(raw)!;
      expect(canonicalPath(once)).toBe(once);
    }
  });
});
