/** Pure parts of lib/video: tokens, windows, ICE config, tickets, signaling schema, event mapping. */
import { describe, expect, it } from 'vitest';
import { computeJoinWindow, isInJoinWindow } from './join-window.ts';
import { parseIceServers } from './ice-servers.ts';
import { hashLinkToken, isWellFormedLinkToken, mintLinkToken } from './link-token.ts';
import { ZSignalMessage } from './signal-message.ts';
import { videoJobForEvent } from '../platform/video-event-handler.ts';
import type { TEventPayload } from '../core/events/event-types.ts';

describe('link tokens', () => {
  it('carry 256 random bits and hash deterministically', () => {
    const a = mintLinkToken();
    const b = mintLinkToken();
    expect(a).not.toBe(b);
    expect(isWellFormedLinkToken(a)).toBe(true);
    expect(Buffer.from(a.slice(4), 'base64url')).toHaveLength(32);
    expect(hashLinkToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(a)).toBe(hashLinkToken(a));
    expect(isWellFormedLinkToken('pvl_short')).toBe(false);
  });
});

describe('join window', () => {
  const start = new Date('2026-05-01T10:00:00Z');
  const end = new Date('2026-05-01T10:30:00Z');
  const w = computeJoinWindow(start, end, 10, 30);
  it('opens N minutes early and closes after the grace period', () => {
    expect(isInJoinWindow(w, new Date('2026-05-01T09:49:59Z'))).toBe(false);
    expect(isInJoinWindow(w, new Date('2026-05-01T09:50:00Z'))).toBe(true);
    expect(isInJoinWindow(w, new Date('2026-05-01T10:59:59Z'))).toBe(true);
    expect(isInJoinWindow(w, new Date('2026-05-01T11:00:00Z'))).toBe(false);
  });
});

describe('VIDEO_ICE_SERVERS', () => {
  it('accepts empty, URL lists and JSON; refuses garbage', () => {
    expect(parseIceServers('')).toEqual([]);
    expect(parseIceServers('stun:stun.example.org:3478, turn:turn.example.org')).toEqual([
      { urls: 'stun:stun.example.org:3478' },
      { urls: 'turn:turn.example.org' },
    ]);
    expect(parseIceServers('[{"urls":["turns:t.example.org:443"],"username":"u","credential":"p"}]')).toEqual([
      { urls: ['turns:t.example.org:443'], username: 'u', credential: 'p' },
    ]);
    expect(() => parseIceServers('http://nope')).toThrow(/VIDEO_ICE_SERVERS/);
    expect(() => parseIceServers('[{"urls":"http://x"}]')).toThrow(/VIDEO_ICE_SERVERS/);
    expect(() => parseIceServers('[oops')).toThrow(/VIDEO_ICE_SERVERS/);
  });
});

describe('signaling messages', () => {
  it('accept the protocol and refuse anything else', () => {
    expect(ZSignalMessage.safeParse({ type: 'hello', reply: false }).success).toBe(true);
    expect(ZSignalMessage.safeParse({ type: 'offer', gen: 'abcdefgh', sdp: 'v=0' }).success).toBe(true);
    expect(ZSignalMessage.safeParse({ type: 'ice', gen: 'abcdefgh', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } }).success).toBe(true);
    expect(ZSignalMessage.safeParse({ type: 'offer', gen: 'abcdefgh', sdp: 'v=0', token: 'x' }).success).toBe(false);
    expect(ZSignalMessage.safeParse({ type: 'chat', text: 'hi' }).success).toBe(false);
    expect(ZSignalMessage.safeParse({ type: 'offer', gen: 'a', sdp: 'x'.repeat(70_000) }).success).toBe(false);
  });
});

describe('event → room job', () => {
  const event = (type: TEventPayload['type'], status: TEventPayload['data']['status']): TEventPayload => ({
    type,
    timestamp: '2026-05-01T10:00:00.000Z',
    data: {
      appointment_id: '11111111-1111-4111-8111-111111111111',
      tenant_id: '22222222-2222-4222-8222-222222222222',
      resource_id: '33333333-3333-4333-8333-333333333333',
      token_id: 'tk_aaaaaaaaaaaaaaaaaaaaaaaa',
      status,
      starts_at: '2026-05-01T10:00:00.000Z',
      ends_at: '2026-05-01T10:30:00.000Z',
    },
  });
  const ids = { tenantId: '22222222-2222-4222-8222-222222222222', appointmentId: '11111111-1111-4111-8111-111111111111' };
  it('provisions on confirm and confirmed reschedules; revokes on cancel, complete, no-show', () => {
    expect(videoJobForEvent(event('appointment.status.confirmed', 'confirmed'))).toEqual({ queue: 'video.provision', data: ids });
    expect(videoJobForEvent(event('appointment.rescheduled', 'confirmed'))).toEqual({ queue: 'video.provision', data: ids });
    expect(videoJobForEvent(event('appointment.rescheduled', 'pending'))).toBeNull();
    expect(videoJobForEvent(event('appointment.created', 'pending'))).toBeNull();
    expect(videoJobForEvent(event('appointment.status.cancelled', 'cancelled'))).toEqual({ queue: 'video.revoke', data: { ...ids, reason: 'cancelled' } });
    expect(videoJobForEvent(event('appointment.status.completed', 'completed'))).toEqual({ queue: 'video.revoke', data: { ...ids, reason: 'completed' } });
    expect(videoJobForEvent(event('appointment.status.no_show', 'no_show'))).toEqual({ queue: 'video.revoke', data: { ...ids, reason: 'no_show' } });
  });
});
