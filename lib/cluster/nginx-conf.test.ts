import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLoopback } from './fanout';
import { renderNginxConf } from './nginx-conf';

const template = fs.readFileSync('deploy/nginx.conf', 'utf8');

describe('deploy/nginx.conf rendered for npm run cluster', () => {
  const conf = renderNginxConf(template, { port: 3700, upstreams: [3701, 3702, 3703], dir: '/tmp/w', user: 'root' });

  it('lists one upstream server per instance, and only those', () => {
    expect(conf.match(/^\s*server 127\.0\.0\.1:\d+ max_fails=1 fail_timeout=5s;$/gm)).toEqual([
      '    server 127.0.0.1:3701 max_fails=1 fail_timeout=5s;',
      '    server 127.0.0.1:3702 max_fails=1 fail_timeout=5s;',
      '    server 127.0.0.1:3703 max_fails=1 fail_timeout=5s;',
    ]);
    expect(conf).not.toContain('10.0.0.11');
  });

  it('listens on the port given and keeps pid, logs, temp files and cache in its own folder', () => {
    expect(conf).toContain('listen 127.0.0.1:3700;');
    expect(conf).toContain('pid /tmp/w/nginx.pid;');
    expect(conf).toContain('proxy_cache_path /tmp/w/cache ');
    expect(conf).toContain('proxy_temp_path /tmp/w/proxy_temp;');
    expect(conf).toMatch(/^user root;$/m);
  });

  it('keeps the caching and retry rules the issue asks for', () => {
    expect(conf).toContain('proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;');
    expect(conf).toContain('proxy_cache_background_update on;');
    expect(conf).toContain('proxy_next_upstream error timeout http_502 http_503 http_504;');
    expect(conf).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
    expect(conf).toContain('proxy_set_header Host $http_host;');
    expect(conf).toContain('proxy_cache_bypass $warta_uncached $cookie_warta_pratinjau $cookie___prerender_bypass;');
    expect(conf).toContain('add_header X-Cache-Status $upstream_cache_status always;');
  });
});

describe('the fan-out header', () => {
  it('is honoured from loopback only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
