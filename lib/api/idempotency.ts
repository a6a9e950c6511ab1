/**
 * `Idempotency-Key` for POST: the same key with the same request replays the stored response;
 * with a different request it is refused (422). Records live 24 hours.
 *
 * Concurrency: the key is claimed with INSERT … ON CONFLICT DO NOTHING in its own committed
 * transaction, so of two simultaneous requests exactly one runs the operation; the other waits
 * for the stored response (or gets 409 if the first is still running after a few seconds).
 * Responses with status ≥ 500 are not stored: the claim is released so the client can retry.
 */
import { createHash } from 'node:crypto';
import { withCoreTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
const IN_PROGRESS = 0;
const WAIT_MS = 8_000;
const POLL_MS = 40;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Validates the header value: 1–255 visible ASCII characters. */
export function parseIdempotencyKey(value: string | null): string | null {
  if (value === null) {
    return null;
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 1-255 visible ASCII characters');
  }
  return value;
}

/** Stable JSON: object keys sorted, so formatting and key order do not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Fingerprint of a request: method, path and canonical body. */
export function fingerprintRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
}

type ClaimResult = { claimed: true } | { claimed: false; requestHash: string; status: number; body: unknown };

async function claimKey(tenantId: string, key: string, requestHash: string, now: Date): Promise<ClaimResult> {
  return withCoreTenant(tenantId, async (tx) => {
    await tx.idempotencyRecord.deleteMany({ where: { tenantId, key, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
    const inserted = await tx.$executeRaw`
      INSERT INTO idempotency_records (tenant_id, key, request_hash, response_status, response_body)
      VALUES (${tenantId}::uuid, ${key}, ${requestHash}, ${IN_PROGRESS}, '{}'::jsonb)
      ON CONFLICT (tenant_id, key) DO NOTHING`;
    if (inserted === 1) {
      return { claimed: true };
    }
    const row = await tx.idempotencyRecord.findUnique({ where: { tenantId_key: { tenantId, key } } });
    if (!row) {
      // Released between our insert attempt and read (a 5xx elsewhere): treat as in progress once more.
      return { claimed: false, requestHash, status: IN_PROGRESS, body: {} };
    }
    return { claimed: false, requestHash: row.requestHash, status: row.responseStatus, body: row.responseBody };
  });
}

async function readRecord(tenantId: string, key: string): Promise<{ requestHash: string; status: number; body: unknown } | null> {
  const row = await withCoreTenant(tenantId, (tx) => tx.idempotencyRecord.findUnique({ where: { tenantId_key: { tenantId, key } } }));
  return row ? { requestHash: row.requestHash, status: row.responseStatus, body: row.responseBody } : null;
}

/**
 * Runs `execute` at most once per (tenant, key) for 24 h. Returns the response and whether it
 * was replayed. Throws IDEMPOTENCY_MISMATCH for a different request under the same key and
 * CONFLICT while the first request is still running.
 */
export async function runIdempotent(
  tenantId: string,
  key: string,
  requestHash: string,
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const claim = await claimKey(tenantId, key, requestHash, new Date());
  if (claim.claimed) {
    let response: StoredResponse;
    try {
      response = await execute();
    } catch (error) {
      await withCoreTenant(tenantId, (tx) => tx.idempotencyRecord.deleteMany({ where: { tenantId, key } }));
      throw error;
    }
    await withCoreTenant(tenantId, async (tx) => {
      if (response.status >= 500) {
        await tx.idempotencyRecord.deleteMany({ where: { tenantId, key } });
        return;
      }
      await tx.idempotencyRecord.update({
        where: { tenantId_key: { tenantId, key } },
        data: { responseStatus: response.status, responseBody: response.body as object },
      });
    });
    return { ...response, replayed: false };
  }
  let record: { requestHash: string; status: number; body: unknown } | null = claim;
  const deadline = Date.now() + WAIT_MS;
  while (record && record.requestHash === requestHash && record.status === IN_PROGRESS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    record = await readRecord(tenantId, key);
  }
  if (!record) {
    // The first attempt failed with a server error and released the key: run it now.
    return runIdempotent(tenantId, key, requestHash, execute);
  }
  if (record.requestHash !== requestHash) {
    throw new AppError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used with a different request', { reason: 'idempotency_mismatch' });
  }
  if (record.status === IN_PROGRESS) {
    throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed; retry shortly', { reason: 'idempotency_in_progress' });
  }
  return { status: record.status, body: record.body, replayed: true };
}
