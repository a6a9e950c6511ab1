/**
 * Endpoint signing secrets at rest: sealed under the master key with the purpose bound to the
 * endpoint id, so a ciphertext copied to another endpoint's row does not decrypt.
 */
import { appKeyring } from '../../crypto/app-keyring.ts';
import { openSecret, sealSecret } from '../../crypto/secret-box.ts';

/** Purpose string binding a sealed secret to its endpoint. */
export function endpointSecretPurpose(endpointId: string): string {
  return `webhook-secret:${endpointId}`;
}

/** Seals a `whsec_` secret for storage in webhook_endpoints.secret_enc / previous_secret_enc. */
export function sealEndpointSecret(endpointId: string, secret: string): string {
  return sealSecret(appKeyring(), secret, endpointSecretPurpose(endpointId));
}

/**
 * Every secret that signs (or verifies) right now: the current one, plus the previous one while
 * its rotation overlap lasts. Signatures for both are sent space-separated during the overlap.
 */
export function activeEndpointSecrets(
  endpoint: { id: string; secretEnc: string; previousSecretEnc: string | null; previousSecretUntil: Date | null },
  now: Date = new Date(),
): string[] {
  const purpose = endpointSecretPurpose(endpoint.id);
  const secrets = [openSecret(appKeyring(), endpoint.secretEnc, purpose)];
  if (endpoint.previousSecretEnc && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) {
    secrets.push(openSecret(appKeyring(), endpoint.previousSecretEnc, purpose));
  }
  return secrets;
}
