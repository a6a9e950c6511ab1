/**
 * Opaque keyset cursors: base64url JSON of the last row's sort key and id. Opaque so clients
 * cannot depend on the format; validated so a forged cursor is a 400, not a database error.
 */
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';

const ZCursor = z.object({ k: z.iso.datetime(), i: z.string().min(1).max(100) });
export type TCursor = { key: Date; id: string };

/** Encodes the sort key and id of the last row of a page. */
export function encodeCursor(key: Date, id: string): string {
  return Buffer.from(JSON.stringify({ k: key.toISOString(), i: id })).toString('base64url');
}

/** Decodes a cursor from a client; throws BAD_REQUEST when it is not one of ours. */
export function decodeCursor(cursor: string): TCursor {
  try {
    const parsed = ZCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { key: new Date(parsed.k), id: parsed.i };
  } catch {
    throw new AppError('BAD_REQUEST', 'Invalid cursor');
  }
}

/** Default and maximum page sizes shared by list endpoints. */
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;
