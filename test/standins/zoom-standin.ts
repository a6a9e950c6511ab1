/**
 * A local stand-in for Zoom's Server-to-Server OAuth and Meetings API (the endpoints Periodic
 * uses), on 127.0.0.1 and an ephemeral port. It checks auth and request shapes the way Zoom
 * documents them, and also enforces Periodic's security policy on meeting creation so tests prove
 * the adapter sends it. Never contacts the real Zoom.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ZOOM_STANDIN_DEFAULTS = {
  accountId: 'standin-account',
  clientId: 'standin-zoom-client',
  clientSecret: 'standin-zoom-secret',
  hostUserId: 'standin-host',
} as const;

export interface ZoomStandinOptions {
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  hostUserId?: string;
  /** expires_in of issued tokens; tokens are also rejected by the stand-in once expired. */
  tokenTtlSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or the raw text when not JSON, or undefined when empty. */
  body: unknown;
}

export interface ZoomStandinMeeting {
  response: Record<string, unknown> & { id: number; settings: Record<string, unknown> };
  registrants: Map<string /* email */, { registrant_id: string; join_url: string; first_name: string }>;
}

/** 'api' = any API call; 'registrants' = only add-registrant calls; 'token' = the OAuth endpoint. */
export type FailTarget = 'api' | 'registrants' | 'token';

export interface ZoomStandin {
  url: string;
  received: RecordedRequest[];
  meetings: Map<string, ZoomStandinMeeting>;
  tokenRequests(): number;
  /** The next `n` requests to `target` (default the API, not the token endpoint) answer `status`. */
  failNext(n: number, status: number, target?: FailTarget): void;
  /** Settings merged into every later create/get response, as if an account lock overrode them. */
  overrideSettings(settings: Record<string, unknown> | undefined): void;
  /** Revokes every issued token, as a credential rotation would. */
  revokeTokens(): void;
  close(): Promise<void>;
}

const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const PASSWORD_PATTERN = /^[a-zA-Z0-9@\-_*]{1,10}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Starts the stand-in. Close it in afterAll/afterEach. */
export async function startZoomStandin(options: ZoomStandinOptions = {}): Promise<ZoomStandin> {
  const creds = { ...ZOOM_STANDIN_DEFAULTS, ...options };
  const ttl = options.tokenTtlSeconds ?? 3599;
  const received: RecordedRequest[] = [];
  const meetings = new Map<string, ZoomStandinMeeting>();
  const tokens = new Map<string, number /* expiresAt */>();
  const failures: Record<FailTarget, { remaining: number; status: number }> = {
    api: { remaining: 0, status: 500 },
    registrants: { remaining: 0, status: 500 },
    token: { remaining: 0, status: 500 },
  };
  let tokenCount = 0;
  let settingsOverride: Record<string, unknown> | undefined;
  let baseUrl = '';

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: parseBody(raw),
    };
    received.push(record);
    const target: FailTarget = url.pathname === '/oauth/token' ? 'token' : 'api';
    const candidates: FailTarget[] = url.pathname.endsWith('/registrants') ? ['registrants', 'api'] : [target];
    const failure = candidates.map((name) => failures[name]).find((entry) => entry.remaining > 0);
    if (failure) {
      failure.remaining -= 1;
      const headers: Record<string, string> = failure.status === 429 ? { 'retry-after': '1' } : {};
      return send(res, failure.status, { code: failure.status, message: 'Injected failure.' }, headers);
    }
    if (target === 'token') {
      return handleToken(req, res, url);
    }
    const expiresAt = tokens.get(bearerOf(req) ?? '');
    if (expiresAt === undefined || expiresAt <= Date.now()) {
      return send(res, 401, { code: 124, message: 'Invalid access token.' });
    }
    return routeApi(record, res);
  };

  const handleToken = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    tokenCount += 1;
    if (req.method !== 'POST') {
      return send(res, 405, { reason: 'Method not allowed', error: 'invalid_request' });
    }
    const expected = `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      return send(res, 401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
    if (url.searchParams.get('grant_type') !== 'account_credentials') {
      return send(res, 400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    }
    if (url.searchParams.get('account_id') !== creds.accountId) {
      return send(res, 400, { reason: 'Invalid request : Bad Request', error: 'invalid_request' });
    }
    const token = `standin-zoom-${randomBytes(16).toString('hex')}`;
    tokens.set(token, Date.now() + ttl * 1000);
    return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: ttl, scope: 'meeting:write:admin' });
  };

  const routeApi = (request: RecordedRequest, res: ServerResponse): void => {
    const createMatch = /^\/v2\/users\/([^/]+)\/meetings$/.exec(request.path);
    if (createMatch && request.method === 'POST') {
      return createMeeting(decodeURIComponent(createMatch[1] ?? ''), request.body, res);
    }
    const registrantMatch = /^\/v2\/meetings\/(\d+)\/registrants$/.exec(request.path);
    if (registrantMatch && request.method === 'POST') {
      return addRegistrant(registrantMatch[1] ?? '', request.body, res);
    }
    const meetingMatch = /^\/v2\/meetings\/([^/]+)$/.exec(request.path);
    const meeting = meetingMatch ? meetings.get(decodeURIComponent(meetingMatch[1] ?? '')) : undefined;
    if (meetingMatch && !meeting) {
      return send(res, 404, { code: 3001, message: 'Meeting does not exist.' });
    }
    if (meeting && request.method === 'GET') {
      return send(res, 200, withOverride({ ...meeting.response, start_url: startUrlFor(meeting.response.id) }));
    }
    if (meeting && request.method === 'DELETE') {
      meetings.delete(String(meeting.response.id));
      return send(res, 204, undefined);
    }
    return send(res, 404, { code: 404, message: 'Not found.' });
  };

  const createMeeting = (userId: string, body: unknown, res: ServerResponse): void => {
    if (userId !== creds.hostUserId && userId !== 'me') {
      return send(res, 404, { code: 1001, message: 'User does not exist.' });
    }
    const problem = checkCreateBody(body);
    if (problem !== undefined) {
      return send(res, 400, { code: 300, message: problem });
    }
    const input = body as Record<string, unknown> & { settings: Record<string, unknown> };
    const id = randomInt(10_000_000_000, 99_999_999_999);
    const password = String(input.password);
    const response = {
      uuid: randomBytes(16).toString('base64'),
      id,
      host_id: creds.hostUserId,
      topic: input.topic,
      type: 2,
      status: 'waiting',
      start_time: input.start_time,
      duration: input.duration,
      timezone: 'UTC',
      created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      start_url: startUrlFor(id),
      join_url: `${baseUrl}/j/${id}?pwd=${randomBytes(12).toString('base64url')}`,
      registration_url: `${baseUrl}/meeting/register/${randomBytes(8).toString('base64url')}`,
      password,
      h323_password: String(randomInt(100000, 999999)),
      pstn_password: String(randomInt(100000, 999999)),
      encrypted_password: randomBytes(12).toString('base64url'),
      pre_schedule: false,
      settings: { use_pmi: false, jbh_time: 0, audio: 'both', ...input.settings },
    };
    meetings.set(String(id), { response, registrants: new Map() });
    return send(res, 201, withOverride(response));
  };

  const addRegistrant = (meetingId: string, body: unknown, res: ServerResponse): void => {
    const meeting = meetings.get(meetingId);
    if (!meeting) {
      return send(res, 404, { code: 3001, message: 'Meeting does not exist.' });
    }
    if (meeting.response.settings.approval_type === 2) {
      return send(res, 400, { code: 3000, message: 'Registration has not been enabled for this meeting.' });
    }
    const input = isObject(body) ? body : {};
    if (typeof input.email !== 'string' || !EMAIL_PATTERN.test(input.email)) {
      return send(res, 400, { code: 300, message: 'Validation Failed.' });
    }
    if (typeof input.first_name !== 'string' || input.first_name.length === 0) {
      return send(res, 400, { code: 300, message: 'Validation Failed.' });
    }
    // Zoom answers a repeated registration of the same email with the same registrant.
    const existing = meeting.registrants.get(input.email);
    const registrant = existing ?? {
      registrant_id: randomBytes(12).toString('base64url'),
      join_url: `${baseUrl}/w/${meeting.response.id}?tk=${randomBytes(24).toString('base64url')}`,
      first_name: input.first_name,
    };
    meeting.registrants.set(input.email, registrant);
    return send(res, 201, {
      id: meeting.response.id,
      registrant_id: registrant.registrant_id,
      join_url: registrant.join_url,
      start_time: meeting.response.start_time,
      topic: meeting.response.topic,
      occurrences: [],
    });
  };

  const startUrlFor = (id: number): string => `${baseUrl}/s/${id}?zak=${randomBytes(24).toString('base64url')}`;
  const withOverride = (response: ZoomStandinMeeting['response']): Record<string, unknown> =>
    settingsOverride === undefined ? response : { ...response, settings: { ...response.settings, ...settingsOverride } };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    received,
    meetings,
    tokenRequests: () => tokenCount,
    failNext: (n, status, target = 'api') => {
      failures[target] = { remaining: n, status };
    },
    overrideSettings: (settings) => {
      settingsOverride = settings;
    },
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Zoom's documented create-meeting shape plus Periodic's policy; returns a problem or undefined. */
function checkCreateBody(body: unknown): string | undefined {
  if (!isObject(body)) {
    return 'Request body must be JSON.';
  }
  if (typeof body.topic !== 'string' || body.topic.length === 0 || body.topic.length > 200) {
    return 'Invalid field: topic.';
  }
  if (body.type !== 2) {
    return 'Invalid field: type (expected 2, scheduled).';
  }
  if (typeof body.start_time !== 'string' || !TIME_PATTERN.test(body.start_time)) {
    return 'Invalid field: start_time.';
  }
  if (typeof body.duration !== 'number' || !Number.isInteger(body.duration) || body.duration <= 0) {
    return 'Invalid field: duration.';
  }
  if (body.timezone !== 'UTC') {
    return 'Invalid field: timezone (policy: UTC).';
  }
  if (typeof body.password !== 'string' || !PASSWORD_PATTERN.test(body.password)) {
    return 'Invalid field: password (policy: required, max 10 of [a-zA-Z0-9@-_*]).';
  }
  const settings = body.settings;
  if (!isObject(settings)) {
    return 'Invalid field: settings (policy: required).';
  }
  const policy: Record<string, unknown> = {
    waiting_room: true,
    join_before_host: false,
    approval_type: 0,
    auto_recording: 'none',
    mute_upon_entry: true,
  };
  for (const [key, value] of Object.entries(policy)) {
    if (settings[key] !== value) {
      return `Invalid field: settings.${key} (policy: ${JSON.stringify(value)}).`;
    }
  }
  return undefined;
}

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function parseBody(raw: string): unknown {
  if (raw === '') {
    return undefined;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
