/**
 * What the drills hand to the final leak scan: every video join-link token they were shown and
 * every webhook body a verify-side receiver recorded. Why a module-level collector rather than a
 * field of the drill context: drills run one after another in one process, and a drill that reveals
 * a token should not have to know who scans for it later.
 * Holds secrets only in memory; nothing here is ever logged or written to the report.
 */

/** A webhook body as a receiver of ours recorded it, with where it came from. */
export interface CollectedBody {
  source: string;
  text: string;
}

const linkTokens = new Set<string>();
const webhookBodies: CollectedBody[] = [];

/** Remembers a join-link token that was legitimately revealed (it must appear nowhere else). */
export function collectLinkToken(token: string): void {
  if (token) {
    linkTokens.add(token);
  }
}

/** Remembers a webhook body one of verify's own receivers recorded. */
export function collectWebhookBody(source: string, text: string): void {
  webhookBodies.push({ source, text });
}

/** The tokens collected so far. */
export function collectedLinkTokens(): string[] {
  return [...linkTokens];
}

/** The webhook bodies collected so far. */
export function collectedWebhookBodies(): CollectedBody[] {
  return [...webhookBodies];
}
