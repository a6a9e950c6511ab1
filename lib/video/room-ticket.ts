/**
 * Stateless, HMAC-signed room credentials, so any web process can check them:
 * - `entry`: the short-lived HttpOnly cookie set by POST /api/visit/<room>/join after a link was
 *   consumed; it admits the user to the room page once (the page's first signaling call clears it).
 * - `signal`: handed to the room page's script (memory only, never stored) for its signaling calls,
 *   valid until the join window ends.
 * Both are bound to tenant, room, user and the consumed link. The key is derived from
 * NEXTAUTH_SECRET for this one purpose.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getConfig } from '../config.ts';

export type RoomTicketKind = 'entry' | 'signal';

const ZTicket = z.object({
  k: z.enum(['entry', 'signal']),
  t: z.uuid(),
  r: z.uuid(),
  u: z.uuid(),
  l: z.uuid(),
  /** expiry, epoch seconds */
  e: z.number().int(),
});

export interface RoomTicket {
  kind: RoomTicketKind;
  tenantId: string;
  roomId: string;
  userId: string;
  linkId: string;
  expiresAt: Date;
}

/** Entry cookie lifetime: long enough to load the room page, too short to come back later. */
export const ENTRY_TICKET_SECONDS = 120;

/** Name of the entry cookie (HttpOnly, SameSite=Strict, path /). */
export function roomEntryCookieName(): string {
  return getConfig().APP_URL.startsWith('https://') ? '__Secure-periodic.room' : 'periodic.room';
}

let cachedKey: { secret: string; key: Buffer } | undefined;
function ticketKey(): Buffer {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'periodic', 'video-room-ticket-v1', 32)) };
  }
  return cachedKey.key;
}

function mac(body: string): Buffer {
  return createHmac('sha256', ticketKey()).update(body).digest();
}

/** Signs a ticket. */
export function signRoomTicket(ticket: RoomTicket): string {
  const body = Buffer.from(
    JSON.stringify({ k: ticket.kind, t: ticket.tenantId, r: ticket.roomId, u: ticket.userId, l: ticket.linkId, e: Math.floor(ticket.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${body}.${mac(body).toString('base64url')}`;
}

/** Verifies signature, kind and expiry; null when anything is off. */
export function verifyRoomTicket(value: string | undefined | null, kind: RoomTicketKind, now = new Date()): RoomTicket | null {
  if (!value || value.length > 1024) {
    return null;
  }
  const [body, sig] = value.split('.');
  if (!body || !sig) {
    return null;
  }
  const expected = mac(body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = ZTicket.safeParse(json);
  if (!parsed.success || parsed.data.k !== kind || parsed.data.e * 1000 <= now.getTime()) {
    return null;
  }
  const t = parsed.data;
  return { kind: t.k, tenantId: t.t, roomId: t.r, userId: t.u, linkId: t.l, expiresAt: new Date(t.e * 1000) };
}
