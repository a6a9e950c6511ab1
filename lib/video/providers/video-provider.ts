import { z } from 'zod';

/** The providers a tenant can choose for its visits. */
export type VideoProviderName = 'webrtc' | 'zoom' | 'teams';

/**
 * One visit to provision. Carries no PHI: the topic is generic and every participant is known to
 * the vendor only by opaque aliases minted by the platform.
 */
export const ZProvisionInput = z
  .object({
    appointmentId: z.string().min(1).max(200),
    startsAt: z.date(),
    endsAt: z.date(),
    /** Generic, e.g. 'Telehealth visit'. Never a name, reason for visit or anything about the patient. */
    topic: z.string().min(1).max(200),
    participants: z
      .array(
        z.object({
          userId: z.string().min(1),
          role: z.enum(['patient', 'clinician']),
          /** Opaque per-participant alias shown in the vendor's UI, never a real name. */
          displayAlias: z.string().min(1).max(64),
          /** Opaque per-participant address on a domain we control, never a real email. */
          emailAlias: z.email(),
        }),
      )
      .min(1),
  })
  .refine((input) => input.endsAt.getTime() > input.startsAt.getTime(), {
    message: 'endsAt must be after startsAt',
  })
  .refine((input) => new Set(input.participants.map((p) => p.userId)).size === input.participants.length, {
    message: 'participants must have distinct userIds',
  });
export type TProvisionInput = z.infer<typeof ZProvisionInput>;
export type ProvisionInput = TProvisionInput;

/** What a provider created. `details` are secrets: the caller stores them encrypted, never logs them. */
export interface ProvisionedRoom {
  provider: VideoProviderName;
  /** The vendor's id for the room; pass it to `close`. Not secret. */
  externalId: string;
  details: {
    passcode?: string;
    /** Host/start link where the vendor has one (Zoom's expires after about two hours). */
    hostUrl?: string;
    /** userId → that participant's join link (unique per participant where the vendor supports it). */
    joinUrls: Record<string, string>;
    /** The vendor's create response, for support; it also contains secrets. */
    raw?: Record<string, unknown>;
  };
  /** Security settings as read back from the vendor after creation: name → satisfied. All true on success. */
  securityChecks: Record<string, boolean>;
}

/** A video vendor adapter. Implementations hold no database state. */
export interface VideoProvider {
  readonly name: VideoProviderName;
  /** Creates a private, passcode- or lobby-protected room for one visit, with one join link per participant. */
  provision(input: ProvisionInput): Promise<ProvisionedRoom>;
  /** Deletes the room. Resolves when it is gone, including when it was already gone. */
  close(externalId: string): Promise<void>;
}

/**
 * Why a vendor call failed:
 * - `network`: no HTTP answer (refused, reset, timeout). Retryable.
 * - `rate_limited`: HTTP 429. Retryable, see `retryAfterMs`.
 * - `server`: HTTP 5xx. Retryable.
 * - `auth`: credentials or token rejected (401/403, OAuth errors). Not retryable: fix the config.
 * - `client`: other HTTP 4xx; our request or the vendor's state is wrong. Not retryable.
 * - `policy`: the vendor created the room but read back weaker security than we require; the room
 *   was deleted. Not retryable: the vendor account's settings override ours and must be changed.
 * - `invalid_response`: the vendor answered 2xx with a body we cannot use. Not retryable.
 * - `invalid_input`: the ProvisionInput failed validation. Not retryable.
 */
export type VendorErrorKind =
  | 'network'
  | 'rate_limited'
  | 'server'
  | 'auth'
  | 'client'
  | 'policy'
  | 'invalid_response'
  | 'invalid_input';

export interface VendorErrorOptions {
  provider: VideoProviderName;
  kind: VendorErrorKind;
  retryable: boolean;
  /** HTTP status of the failing vendor response, if there was one. */
  status?: number;
  /** The vendor's own error code (Zoom's numeric `code`, Graph's `error.code`), never its free text. */
  vendorCode?: string;
  /** From a Retry-After header. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A failed vendor call. Messages name the operation and status only: vendor free text is dropped
 * because it may echo request data.
 */
export class VendorError extends Error {
  readonly provider: VideoProviderName;
  readonly kind: VendorErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly retryAfterMs?: number;

  constructor(message: string, options: VendorErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'VendorError';
    this.provider = options.provider;
    this.kind = options.kind;
    this.retryable = options.retryable;
    this.status = options.status;
    this.vendorCode = options.vendorCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Validates a ProvisionInput, throwing a non-retryable VendorError naming only the failing paths.
 */
export function parseProvisionInput(provider: VideoProviderName, input: unknown): ProvisionInput {
  const parsed = ZProvisionInput.safeParse(input);
  if (parsed.success) {
    return parsed.data;
  }
  // Issue paths and messages only: the rejected values may be aliases we still keep out of logs.
  const summary = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new VendorError(`invalid provision input: ${summary.join('; ')}`, {
    provider,
    kind: 'invalid_input',
    retryable: false,
  });
}
