import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: the TCP peer is the client', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.2', 0)).toBe('198.51.100.2');
    expect(clientAddress(undefined, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
  });

  it('takes the entry the nearest trusted proxy appended, not what the client claimed', () => {
    // client claims 1.1.1.1; proxy A saw 203.0.113.7 and appended it; proxy A is our peer.
    expect(clientAddress('1.1.1.1, 203.0.113.7', '10.0.0.5', 1)).toBe('203.0.113.7');
    // two trusted proxies: A (edge) appended the client, B appended A.
    expect(clientAddress('1.1.1.1, 203.0.113.7, 10.0.0.4', '10.0.0.5', 2)).toBe('203.0.113.7');
  });

  it('falls back to the left-most hop when fewer proxies forwarded than trusted', () => {
    expect(clientAddress(undefined, '10.0.0.5', 1)).toBe('10.0.0.5');
    expect(clientAddress(['203.0.113.7'], '10.0.0.5', 3)).toBe('203.0.113.7');
  });

  it('returns undefined with nothing to go on', () => {
    expect(clientAddress('203.0.113.7', undefined, 0)).toBeUndefined();
  });
});
