/**
 * SSRF protection for tenant-supplied webhook URLs.
 *
 * Two checks, because one is not enough:
 * - at registration (`assertSafeWebhookUrl`) so a tenant gets a clear error at once;
 * - at connect time (`createGuardedDispatcher`) because DNS can change between registration and
 *   delivery (DNS rebinding): the address actually dialled is the one checked.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector } from 'undici';

/** Why a URL or address was refused. */
export type SsrfErrorCode =
  /** the string does not parse as an absolute URL, or has no host */
  | 'invalid_url'
  /** scheme is not https (or http when plain HTTP is allowed) */
  | 'scheme_not_allowed'
  /** user:password@ in the URL: secrets belong in headers, and they would leak into logs */
  | 'credentials_in_url'
  /** the host is, or resolves to, a loopback/private/reserved/metadata address */
  | 'forbidden_address'
  /** the host name did not resolve */
  | 'dns_failed';

/** Thrown (or passed to connect callbacks) when a destination is refused. Messages carry no secrets. */
export class SsrfError extends Error {
  readonly code: SsrfErrorCode;
  constructor(code: SsrfErrorCode, message: string) {
    super(message);
    this.name = 'SsrfError';
    this.code = code;
  }
}

/** Resolves a host name to every address; injectable so tests never query real DNS. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const defaultResolveHost: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

// IANA special-purpose registries (RFC 6890 and successors). Everything a public webhook
// receiver can never legitimately live on.
const FORBIDDEN_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation TEST-NET-2
  ['203.0.113.0', 24], // documentation TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including broadcast 255.255.255.255
];

const FORBIDDEN_V6: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback ::1 and deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHIDv2, ...)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
  ['fc00::', 7], // unique-local, including AWS metadata fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const forbidden = new net.BlockList();
for (const [address, prefix] of FORBIDDEN_V4) {
  forbidden.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of FORBIDDEN_V6) {
  forbidden.addSubnet(address, prefix, 'ipv6');
}

// IPv6 ranges that carry an IPv4 address inside; the embedded address decides.
// [prefix, prefix length, byte offset of the embedded IPv4 address]
const EMBEDS_V4: Array<[string, number, number]> = [
  ['::ffff:0:0', 96, 12], // IPv4-mapped
  ['64:ff9b::', 96, 12], // NAT64 well-known prefix
  ['2002::', 16, 2], // 6to4
];
const embedRanges = EMBEDS_V4.map(([address, prefix, offset]) => {
  const list = new net.BlockList();
  list.addSubnet(address, prefix, 'ipv6');
  return { list, offset };
});

/**
 * True when `ip` must never be a webhook destination: loopback, private, link-local, CGNAT,
 * unique-local, unspecified, multicast, broadcast, reserved, documentation, cloud metadata, and
 * IPv6 forms that embed such an IPv4 address (mapped `::ffff:127.0.0.1`, NAT64, 6to4).
 * Anything that is not a valid IP address is refused too (fail closed).
 */
export function isForbiddenAddress(ip: string): boolean {
  // Zone ids (fe80::1%eth0) only ever appear on link-local addresses; drop them before checking.
  const address = ip.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(address);
  if (family === 4) {
    return forbidden.check(address, 'ipv4');
  }
  if (family !== 6) {
    return true;
  }
  if (forbidden.check(address, 'ipv6')) {
    return true;
  }
  for (const { list, offset } of embedRanges) {
    if (list.check(address, 'ipv6')) {
      const bytes = ipv6ToBytes(address);
      return forbidden.check(bytes.subarray(offset, offset + 4).join('.'), 'ipv4');
    }
  }
  return false;
}

/** Expands an IPv6 address (already validated by net.isIP) into its 16 bytes. */
function ipv6ToBytes(address: string): Uint8Array {
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/**
 * Validates a webhook URL when a tenant registers or edits an endpoint.
 *
 * Parses the URL, checks the scheme (https only when `requireHttps`), refuses credentials in the
 * URL, resolves the host (every address) and refuses it if any address is forbidden, unless
 * `allowPrivate` (local development and tests).
 *
 * @returns the parsed URL
 * @throws SsrfError with a message safe to show to the tenant
 */
export async function assertSafeWebhookUrl(
  url: string,
  opts: { allowPrivate: boolean; requireHttps: boolean; resolveHost?: ResolveHost },
): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SsrfError('invalid_url', 'Webhook URL is not a valid absolute URL.');
  }
  const allowedSchemes = opts.requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!allowedSchemes.includes(parsed.protocol)) {
    throw new SsrfError(
      'scheme_not_allowed',
      `Webhook URL must use ${opts.requireHttps ? 'https' : 'http or https'}, not ${parsed.protocol.replace(':', '')}.`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new SsrfError('credentials_in_url', 'Webhook URL must not contain a user name or password.');
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === '') {
    throw new SsrfError('invalid_url', 'Webhook URL has no host.');
  }
  if (opts.allowPrivate) {
    return parsed;
  }
  const addresses = await resolveAll(host, opts.resolveHost ?? defaultResolveHost);
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  if (bad) {
    throw new SsrfError(
      'forbidden_address',
      `Webhook host ${host} resolves to ${bad.address}, a private, loopback or reserved address; use a public address.`,
    );
  }
  return parsed;
}

async function resolveAll(host: string, resolveHost: ResolveHost): Promise<LookupAddress[]> {
  const family = net.isIP(host);
  if (family !== 0) {
    return [{ address: host, family }];
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveHost(host);
  } catch {
    throw new SsrfError('dns_failed', `Webhook host ${host} could not be resolved.`);
  }
  if (addresses.length === 0) {
    throw new SsrfError('dns_failed', `Webhook host ${host} could not be resolved.`);
  }
  return addresses;
}

type NetLookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Creates an undici Agent that checks the address it is about to dial, after DNS resolution, so
 * a host that re-resolves to a private address after registration (DNS rebinding) is still refused.
 * IP-literal hosts skip DNS inside net.connect, so they are checked before connecting.
 * A refused connection fails with an {@link SsrfError} (code `forbidden_address` or `dns_failed`).
 *
 * @param opts.allowPrivate skip the address check (local development and tests only)
 * @param opts.resolveHost DNS resolver override (tests)
 * @param opts.connectTimeoutMs TCP/TLS connect timeout (default 10 s; callers add their own total timeout)
 */
export function createGuardedDispatcher(opts: {
  allowPrivate: boolean;
  resolveHost?: ResolveHost;
  connectTimeoutMs?: number;
}): Agent {
  const resolveHost = opts.resolveHost ?? defaultResolveHost;
  const guardedLookup = (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: NetLookupCallback,
  ): void => {
    resolveAll(hostname, resolveHost).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = wanted === 0 ? found : found.filter((a) => a.family === wanted);
        const bad = addresses.find((a) => isForbiddenAddress(a.address));
        if (!opts.allowPrivate && bad) {
          callback(new SsrfError('forbidden_address', `Refused to connect to ${hostname}: forbidden address ${bad.address}.`), []);
          return;
        }
        const first = addresses[0];
        if (!first) {
          callback(new SsrfError('dns_failed', `No usable address for ${hostname}.`), []);
          return;
        }
        if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), []),
    );
  };
  const connectWithLookup = buildConnector({
    lookup: guardedLookup as unknown as net.LookupFunction,
    timeout: opts.connectTimeoutMs ?? 10_000,
  });
  const guardedConnect: buildConnector.connector = (connectOpts, callback) => {
    if (!opts.allowPrivate && net.isIP(connectOpts.hostname) !== 0 && isForbiddenAddress(connectOpts.hostname)) {
      callback(new SsrfError('forbidden_address', `Refused to connect to forbidden address ${connectOpts.hostname}.`), null);
      return;
    }
    connectWithLookup(connectOpts, callback);
  };
  return new Agent({ connect: guardedConnect });
}
