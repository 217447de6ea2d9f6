import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '../lib/popular/client-filter';
import { clientAddressOf, normalizeAddress, parseTrustedProxies, setClientAddress } from './client-address';

describe('parseTrustedProxies', () => {
  test('addresses and CIDR ranges, IPv4 and IPv6; unset or empty trusts nobody', () => {
    const trusted = parseTrustedProxies(' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8');
    expect(trusted.check('127.0.0.1', 'ipv4')).toBe(true);
    expect(trusted.check('10.200.3.4', 'ipv4')).toBe(true);
    expect(trusted.check('11.0.0.1', 'ipv4')).toBe(false);
    expect(trusted.check('::1', 'ipv6')).toBe(true);
    expect(trusted.check('fd12::5', 'ipv6')).toBe(true);
    expect(parseTrustedProxies(undefined).check('127.0.0.1', 'ipv4')).toBe(false);
    expect(parseTrustedProxies('').check('127.0.0.1', 'ipv4')).toBe(false);
  });

  test.each(['localhost', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '300.1.1.1', '10.0.0.0/', '10.0.0.0/x', '*'])(
    'a bad entry (%s) throws, naming the variable and the fix',
    (value) => {
      expect(() => parseTrustedProxies(`127.0.0.1,${value}`)).toThrow(/TRUSTED_PROXIES has ".*".*Set TRUSTED_PROXIES to a comma-separated list/);
    },
  );
});

describe('clientAddressOf', () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies('127.0.0.1,10.0.0.0/8');

  test('no trusted proxy: the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7');
    expect(clientAddressOf('::ffff:127.0.0.1', '198.51.100.1', none)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', undefined, none)).toBe('127.0.0.1');
  });

  test('a peer that is not a trusted proxy is the client, even when others are trusted', () => {
    expect(clientAddressOf('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
  });

  test('from a trusted proxy: the right-most X-Forwarded-For entry that is not a trusted proxy', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // The client wrote the first entry (a lie); the proxies appended the rest.
    expect(clientAddressOf('::ffff:127.0.0.1', '1.2.3.4, 198.51.100.1, 10.0.0.2', proxies)).toBe('198.51.100.1');
    // Several headers are one list.
    expect(clientAddressOf('127.0.0.1', ['1.2.3.4', '198.51.100.1, 10.0.0.2'], proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('127.0.0.1', '[2001:db8::1]:443', proxies)).toBe('2001:db8::1');
  });

  test('from a trusted proxy with no usable X-Forwarded-For: the left-most proxy, or the peer', () => {
    expect(clientAddressOf('127.0.0.1', '10.0.0.3, 10.0.0.2', proxies)).toBe('10.0.0.3');
    expect(clientAddressOf('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', ' , ', proxies)).toBe('127.0.0.1');
  });

  test('normalizeAddress: mapped IPv4, brackets and ports', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('192.0.2.1:8080')).toBe('192.0.2.1');
    expect(normalizeAddress('[::1]:80')).toBe('::1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
  });
});

describe('setClientAddress', () => {
  const request = (remoteAddress: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

  test('replaces what the client said: our header, X-Forwarded-For and X-Real-IP carry the trusted address', () => {
    const req = request('203.0.113.7', { [CLIENT_ADDRESS_HEADER]: '1.1.1.1', 'x-forwarded-for': '2.2.2.2', 'x-real-ip': '3.3.3.3' });
    setClientAddress(req, parseTrustedProxies(undefined));
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.7');
    expect(req.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(req.headers['x-real-ip']).toBe('203.0.113.7');
  });

  test('behind a trusted proxy: the forwarded client', () => {
    const req = request('10.0.0.2', { 'x-forwarded-for': '9.9.9.9, 198.51.100.1' });
    setClientAddress(req, parseTrustedProxies('10.0.0.0/8'));
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.1');
  });
});
