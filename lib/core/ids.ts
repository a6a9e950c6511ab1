/**
 * Identifiers and token shapes the core accepts. The core never resolves a token: any well-formed
 * `tk_` token is taken as given by the platform side.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** An opaque patient token: `tk_` + 22–64 url-safe characters (matches the database check). */
export const ZTokenId = z.string().regex(/^tk_[A-Za-z0-9_-]{22,64}$/, { message: 'token_id must be tk_ followed by 22-64 url-safe characters' });

/** A new event id: `evt_` + 128 random bits, base64url. */
export function newEventId(): string {
  return `evt_${randomBytes(16).toString('base64url')}`;
}
