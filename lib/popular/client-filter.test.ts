import { describe, expect, test } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, ipv6Prefix64 } from './client-filter';

describe('clientAddress', () => {
  test("only the server's header counts; X-Forwarded-For and X-Real-IP are not read", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' }))).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.1.1.1' }))).toBe('');
  });

  test('an IPv6 address is its /64, however it is written', () => {
    expect(ipv6Prefix64('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(ipv6Prefix64('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(ipv6Prefix64('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(ipv6Prefix64('::1')).toBe('0:0:0:0::/64');
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: '2001:db8:1:2::99' }))).toBe('2001:db8:1:2::/64');
  });
});
