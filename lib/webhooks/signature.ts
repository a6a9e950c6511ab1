/**
 * Standard Webhooks v1 signing (https://www.standardwebhooks.com/).
 *
 * The signed content is `${msgId}.${timestamp}.${body}`; the key is the base64-decoded secret
 * without its `whsec_` prefix; the header value is `v1,<base64 HMAC-SHA256>`. During secret
 * rotation we sign with every active secret and send the signatures space-separated, so a
 * receiver holding either the old or the new secret accepts the message.
 *
 * `verifyWebhook` deliberately imports nothing but node:crypto so receivers can copy it verbatim
 * into their own gateway.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** Result of {@link verifyWebhook}. `reason` never echoes the secret or the body. */
export type VerifyWebhookResult =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'timestamp_out_of_tolerance' | 'bad_signature' };

/**
 * Creates a new endpoint signing secret: `whsec_` followed by base64 of 32 random bytes.
 */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/**
 * Builds the `webhook-signature` header value for one message.
 *
 * @param input.secrets every currently valid `whsec_` secret (more than one during rotation)
 * @param input.msgId the `webhook-id` header value
 * @param input.timestamp the `webhook-timestamp` header value, Unix seconds (integer)
 * @param input.body the exact bytes that will be sent, as a string
 * @returns `v1,<sig>` per secret, space-separated
 * @throws TypeError when no secret is given, a secret is empty, or the timestamp is not an integer
 */
export function signWebhook(input: { secrets: string[]; msgId: string; timestamp: number; body: string }): string {
  const { secrets, msgId, timestamp, body } = input;
  if (secrets.length === 0) {
    throw new TypeError('signWebhook: at least one secret is required');
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError('signWebhook: timestamp must be a non-negative integer of Unix seconds');
  }
  if (msgId.length === 0) {
    throw new TypeError('signWebhook: msgId must not be empty');
  }
  const content = `${msgId}.${timestamp}.${body}`;
  return secrets
    .map((secret) => {
      const key = decodeSecretForSigning(secret);
      return `v1,${createHmac('sha256', key).update(content, 'utf8').digest('base64')}`;
    })
    .join(' ');
}

function decodeSecretForSigning(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  if (key.length === 0) {
    throw new TypeError('signWebhook: secret decodes to an empty key');
  }
  return key;
}

/**
 * Verifies a Standard Webhooks v1 request. Self-contained: copy it into a receiver as is.
 *
 * @param input.secret the endpoint's `whsec_` secret
 * @param input.headers request headers (a plain object with any header-name case, or a fetch `Headers`)
 * @param input.body the raw request body exactly as received (do not re-serialise parsed JSON)
 * @param input.toleranceSeconds how far the timestamp may be from now, either direction (default 300)
 * @param input.now the current time: a Date, or Unix seconds (default: the clock)
 * @returns `{ ok: true }`, or `{ ok: false, reason }`; never throws on attacker-controlled input
 */
export function verifyWebhook(input: {
  secret: string;
  headers: Record<string, string | string[] | undefined> | Headers;
  body: string;
  toleranceSeconds?: number;
  now?: Date | number;
}): VerifyWebhookResult {
  const { secret, headers, body, toleranceSeconds = 300 } = input;
  const readHeader = (name: string): string | undefined => {
    if (typeof (headers as Headers).get === 'function') {
      return (headers as Headers).get(name) ?? undefined;
    }
    const record = headers as Record<string, string | string[] | undefined>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : record[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const msgId = readHeader('webhook-id');
  const timestampText = readHeader('webhook-timestamp');
  const signatureHeader = readHeader('webhook-signature');
  if (!msgId || !timestampText || !signatureHeader) {
    return { ok: false, reason: 'missing_headers' };
  }
  // Digits only: parseInt would accept "12abc" and Number would accept "1e9".
  if (!/^\d{1,15}$/.test(timestampText.trim())) {
    return { ok: false, reason: 'bad_timestamp' };
  }
  const timestamp = Number(timestampText.trim());
  const nowSeconds =
    input.now instanceof Date
      ? Math.floor(input.now.getTime() / 1000)
      : typeof input.now === 'number'
        ? input.now
        : Math.floor(Date.now() / 1000);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  }
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${msgId}.${timestamp}.${body}`, 'utf8').digest();
  // Several signatures are sent during secret rotation; any one valid v1 signature is enough.
  for (const part of signatureHeader.split(' ')) {
    const comma = part.indexOf(',');
    if (comma === -1 || part.slice(0, comma) !== 'v1') {
      continue;
    }
    const candidate = Buffer.from(part.slice(comma + 1), 'base64');
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) {
      return { ok: true };
    }
  }
  return { ok: false, reason: 'bad_signature' };
}
