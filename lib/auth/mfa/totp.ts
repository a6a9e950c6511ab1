/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app speaks) via otplib.
 * Verification accepts one step of clock drift either way and, per RFC 6238 §5.2, never the same
 * time step twice: the caller stores the accepted step (users.mfa_last_step).
 */
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Periodic';
/** ±30 s: one step of drift between the phone's clock and ours. */
const DRIFT_SECONDS = 30;

/** A fresh base32 secret (160 bits). */
export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** otpauth:// URI for authenticator apps. `account` is shown in the app next to the issuer. */
export function buildTotpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/** The URI as a QR code PNG data URL (allowed by the CSP's img-src data:). */
export async function renderTotpQr(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
}

/** True if `code` looks like a TOTP code (6 digits, spaces allowed). */
export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

/**
 * Verifies a 6-digit code; returns the matched time step, or null if wrong, malformed, or a
 * step at or before `lastStep` (replay).
 */
export async function verifyTotpCode(secret: string, code: string, lastStep: number | null, nowMs = Date.now()): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) {
    return null;
  }
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(nowMs / 1000),
      epochTolerance: DRIFT_SECONDS,
      afterTimeStep: lastStep ?? undefined,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
