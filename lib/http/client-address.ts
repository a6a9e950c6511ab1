/**
 * The client's address as the web server sees it, given how many reverse proxies we trust.
 * The chain is every X-Forwarded-For entry followed by the TCP peer; each trusted proxy appended the
 * address it received the request from, so with `trustedHops` proxies the client is that many
 * places left of the peer. Entries further left were written by the client itself and prove nothing.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, trustedHops: number): string | undefined {
  const claimed = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const chain = trustedHops > 0 ? [...claimed, peer].filter((h): h is string => Boolean(h)) : peer ? [peer] : [];
  const picked = chain[Math.max(0, chain.length - 1 - trustedHops)];
  return picked?.replace(/^::ffff:/, '');
}
