import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env';

const problemsOf = (values: Record<string, string>) => {
  try {
    readEnv(values);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe('the environment', () => {
  it('has defaults for every optional setting, and empty values count as unset', () => {
    const env = readEnv({ PORT: '', WARTA_LOCALE: '' });
    expect(env).toMatchObject({ PORT: 3000, WARTA_LOCALE: 'id', WARTA_DIST_DIR: '.next', WARTA_PAGE_CACHE_MS: 1000, WARTA_MAX_CONNECTIONS: 4096, WARTA_PRERENDER_ARTICLES: 1000 });
    expect(env.SITE_URL).toBeUndefined();
  });

  it('reads good values as their types', () => {
    expect(readEnv({ PORT: '8080', SITE_URL: 'https://warta.example/', WARTA_PAGE_CACHE_MS: '0', REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({
      PORT: 8080,
      SITE_URL: 'https://warta.example',
      WARTA_PAGE_CACHE_MS: 0,
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": must be a whole number; e\.g\. 3000/],
    ['PORT', '70000', /PORT="70000": must be at most 65535/],
    ['SITE_URL', 'warta.example', /SITE_URL="warta\.example": must be an origin such as https:\/\/warta\.example/],
    ['SITE_URL', 'https://warta.example/berita', /must be an origin/],
    ['WARTA_LOCALE', 'fr', /WARTA_LOCALE="fr": must be id or en/],
    ['PREVIEW_SECRET', 'pendek', /PREVIEW_SECRET="pendek": must be at least 16 characters/],
    ['REVALIDATE_SECRET', 'x', /REVALIDATE_SECRET="x": must be at least 16 characters/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL="localhost:6379": must be a Redis URL/],
    ['WARTA_PAGE_CACHE_MS', '-1', /WARTA_PAGE_CACHE_MS="-1": must be a whole number/],
    ['WARTA_MAX_CONNECTIONS', '0', /WARTA_MAX_CONNECTIONS="0": must be at least 1/],
    ['WARTA_PRERENDER_ARTICLES', 'semua', /WARTA_PRERENDER_ARTICLES="semua": must be a whole number/],
    ['WARTA_CLOCK_START', 'besok', /WARTA_CLOCK_START="besok": must be an ISO date-time/],
    ['WARTA_FAULT_INJECTION', 'yes', /must be 1 \(tests only\) or unset/],
    ['HOST', 'not a host', /must be an address to listen on/],
    ['WARTA_INSTANCES', '0', /WARTA_INSTANCES="0": must be at least 1/],
    ['WARTA_INSTANCES', 'dua', /WARTA_INSTANCES="dua": must be a whole number/],
  ])('names %s=%s and its fix', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(message)]);
  });

  it('reads the cluster settings, with defaults', () => {
    expect(readEnv({})).toMatchObject({ WARTA_INSTANCES: 2, WARTA_RUN_DIR: 'run' });
    expect(readEnv({ WARTA_INSTANCES: '3', WARTA_RUN_DIR: '/run/warta' })).toMatchObject({ WARTA_INSTANCES: 3, WARTA_RUN_DIR: '/run/warta' });
  });

  it('names every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', WARTA_LOCALE: 'fr' })).toHaveLength(2);
  });
});
