/**
 * A local stand-in for the Microsoft identity platform token endpoint and the Graph
 * onlineMeetings API (the endpoints Periodic uses), on 127.0.0.1 and an ephemeral port. Serves as
 * both `loginBase` and `graphBase`. It checks auth and request shapes as Graph documents them,
 * keeps Graph's insecure defaults on fresh meetings, and enforces Periodic's lobby policy on
 * updates so tests prove the adapter sends it. Never contacts Microsoft.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GRAPH_STANDIN_DEFAULTS = {
  tenantId: '00000000-0000-4000-8000-0000000000aa',
  clientId: '00000000-0000-4000-8000-0000000000bb',
  clientSecret: 'standin-graph-secret',
  organizerUserId: '00000000-0000-4000-8000-0000000000cc',
} as const;

export interface GraphStandinOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  organizerUserId?: string;
  tokenTtlSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON or form body, raw text otherwise, undefined when empty. */
  body: unknown;
}

export type GraphMeeting = Record<string, unknown> & { id: string; externalId?: string };

/** 'api' = any Graph call; 'update' = only PATCH calls; 'token' = the token endpoint. */
export type FailTarget = 'api' | 'update' | 'token';

export interface GraphStandin {
  url: string;
  received: RecordedRequest[];
  /** Meeting id → meeting as stored. */
  meetings: Map<string, GraphMeeting>;
  tokenRequests(): number;
  failNext(n: number, status: number, target?: FailTarget): void;
  /** Properties merged into every later meeting response, as if a tenant policy overrode them. */
  overrideMeeting(properties: Record<string, unknown> | undefined): void;
  revokeTokens(): void;
  close(): Promise<void>;
}

// Graph actions reject parameters they do not declare; createOrGet declares only these.
const CREATE_OR_GET_PARAMETERS = new Set(['chatInfo', 'endDateTime', 'externalId', 'participants', 'startDateTime', 'subject']);

/** Starts the stand-in. Close it in afterAll/afterEach. */
export async function startGraphStandin(options: GraphStandinOptions = {}): Promise<GraphStandin> {
  const creds = { ...GRAPH_STANDIN_DEFAULTS, ...options };
  const ttl = options.tokenTtlSeconds ?? 3599;
  const received: RecordedRequest[] = [];
  const meetings = new Map<string, GraphMeeting>();
  const tokens = new Map<string, number>();
  const failures: Record<FailTarget, { remaining: number; status: number }> = {
    api: { remaining: 0, status: 500 },
    update: { remaining: 0, status: 500 },
    token: { remaining: 0, status: 500 },
  };
  let tokenCount = 0;
  let meetingOverride: Record<string, unknown> | undefined;
  let baseUrl = '';
  const meetingsPath = `/v1.0/users/${creds.organizerUserId}/onlineMeetings`;

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: isForm ? Object.fromEntries(new URLSearchParams(raw)) : parseJson(raw),
    };
    received.push(record);
    const isToken = path.endsWith('/oauth2/v2.0/token');
    const candidates: FailTarget[] = isToken ? ['token'] : req.method === 'PATCH' ? ['update', 'api'] : ['api'];
    const failure = candidates.map((name) => failures[name]).find((entry) => entry.remaining > 0);
    if (failure) {
      failure.remaining -= 1;
      const headers: Record<string, string> = failure.status === 429 ? { 'retry-after': '2' } : {};
      return send(res, failure.status, graphError('InjectedFailure', 'Injected failure.'), headers);
    }
    if (isToken) {
      return handleToken(record, isForm, res);
    }
    const expiresAt = tokens.get(bearerOf(req) ?? '');
    if (expiresAt === undefined || expiresAt <= Date.now()) {
      return send(res, 401, graphError('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'));
    }
    return routeApi(record, res);
  };

  const handleToken = (request: RecordedRequest, isForm: boolean, res: ServerResponse): void => {
    tokenCount += 1;
    const form = (request.body ?? {}) as Record<string, string>;
    if (request.method !== 'POST' || !isForm) {
      return send(res, 400, aadError('invalid_request', 'AADSTS900144: The request body must be form-urlencoded.'));
    }
    if (request.path !== `/${creds.tenantId}/oauth2/v2.0/token`) {
      return send(res, 400, aadError('invalid_request', 'AADSTS90002: Tenant not found.'));
    }
    if (form.grant_type !== 'client_credentials') {
      return send(res, 400, aadError('unsupported_grant_type', 'AADSTS70003: Unsupported grant type.'));
    }
    if (form.scope !== 'https://graph.microsoft.com/.default') {
      return send(res, 400, aadError('invalid_scope', 'AADSTS1002012: The provided value for scope is not valid.'));
    }
    if (form.client_id !== creds.clientId || form.client_secret !== creds.clientSecret) {
      return send(res, 401, aadError('invalid_client', 'AADSTS7000215: Invalid client secret provided.'));
    }
    const token = `standin-graph-${randomBytes(16).toString('hex')}`;
    tokens.set(token, Date.now() + ttl * 1000);
    return send(res, 200, { token_type: 'Bearer', expires_in: ttl, ext_expires_in: ttl, access_token: token });
  };

  const routeApi = (request: RecordedRequest, res: ServerResponse): void => {
    if (!request.path.startsWith('/v1.0/users/')) {
      return send(res, 404, graphError('UnknownError', 'Resource not found.'));
    }
    if (!request.path.startsWith(`${meetingsPath}`)) {
      // The app access policy is granted for the organizer only.
      return send(res, 403, graphError('Forbidden', 'Application is not allowed to act for this user.'));
    }
    const rest = request.path.slice(meetingsPath.length);
    if (rest === '/createOrGet' && request.method === 'POST') {
      return createOrGet(request.body, res);
    }
    if (rest === '' && request.method === 'POST') {
      return createMeeting(request.body, res);
    }
    const meeting = meetings.get(rest.slice(1));
    if (meeting === undefined) {
      return send(res, 404, graphError('NotFound', 'The meeting was not found.'));
    }
    if (request.method === 'GET') {
      return send(res, 200, withOverride(meeting));
    }
    if (request.method === 'PATCH') {
      return updateMeeting(meeting, request.body, res);
    }
    if (request.method === 'DELETE') {
      meetings.delete(meeting.id);
      return send(res, 204, undefined);
    }
    return send(res, 405, graphError('BadRequest', 'Method not allowed.'));
  };

  const createOrGet = (body: unknown, res: ServerResponse): void => {
    if (!isObject(body) || typeof body.externalId !== 'string' || body.externalId.length === 0) {
      return send(res, 400, graphError('BadRequest', 'externalId is required.'));
    }
    const unknown = Object.keys(body).filter((key) => !CREATE_OR_GET_PARAMETERS.has(key));
    if (unknown.length > 0) {
      return send(res, 400, graphError('BadRequest', `'${unknown[0]}' is not a valid parameter for createOrGet.`));
    }
    const existing = [...meetings.values()].find((meeting) => meeting.externalId === body.externalId);
    if (existing) {
      return send(res, 200, withOverride(existing));
    }
    const meeting = newMeeting(body);
    meetings.set(meeting.id, meeting);
    return send(res, 201, withOverride(meeting));
  };

  const createMeeting = (body: unknown, res: ServerResponse): void => {
    const problem = checkPolicy(body);
    if (problem !== undefined) {
      return send(res, 400, graphError('BadRequest', problem));
    }
    const meeting = { ...newMeeting(body as Record<string, unknown>), ...(body as Record<string, unknown>) };
    meetings.set(meeting.id, meeting);
    return send(res, 201, withOverride(meeting));
  };

  const updateMeeting = (meeting: GraphMeeting, body: unknown, res: ServerResponse): void => {
    const problem = checkPolicy(body);
    if (problem !== undefined) {
      return send(res, 400, graphError('BadRequest', problem));
    }
    Object.assign(meeting, body, { id: meeting.id, externalId: meeting.externalId });
    return send(res, 200, withOverride(meeting));
  };

  /** A fresh meeting with Graph's defaults, which are weaker than Periodic's policy. */
  const newMeeting = (body: Record<string, unknown>): GraphMeeting => {
    const id = `MSp${randomBytes(24).toString('base64url')}`;
    const thread = `19:meeting_${randomBytes(18).toString('base64url')}@thread.v2`;
    const start = typeof body.startDateTime === 'string' ? body.startDateTime : new Date().toISOString();
    const end = typeof body.endDateTime === 'string' ? body.endDateTime : new Date(Date.parse(start) + 3_600_000).toISOString();
    return {
      id,
      externalId: typeof body.externalId === 'string' ? body.externalId : undefined,
      creationDateTime: new Date().toISOString(),
      startDateTime: start,
      endDateTime: end,
      subject: body.subject,
      joinWebUrl: `${baseUrl}/l/meetup-join/${encodeURIComponent(thread)}/0`,
      joinMeetingIdSettings: {
        isPasscodeRequired: true,
        joinMeetingId: String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100, 999)),
        passcode: randomBytes(4).toString('base64url'),
      },
      chatInfo: { threadId: thread, messageId: '0' },
      lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
      allowedPresenters: 'everyone',
      isEntryExitAnnounced: false,
      allowMeetingChat: 'enabled',
      recordAutomatically: false,
      participants: { organizer: { upn: 'organizer@standin.test', role: 'presenter' }, attendees: [] },
    };
  };

  const withOverride = (meeting: GraphMeeting): GraphMeeting => ({ ...meeting, ...meetingOverride });

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
    overrideMeeting: (properties) => {
      meetingOverride = properties;
    },
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Periodic's policy for a meeting's security properties; returns a problem or undefined. */
function checkPolicy(body: unknown): string | undefined {
  if (!isObject(body)) {
    return 'Request body must be JSON.';
  }
  const lobby = body.lobbyBypassSettings;
  if (!isObject(lobby) || lobby.scope !== 'organizer' || lobby.isDialInBypassEnabled !== false) {
    return "Policy: lobbyBypassSettings must be { scope: 'organizer', isDialInBypassEnabled: false }.";
  }
  if (body.allowedPresenters !== 'organizer') {
    return "Policy: allowedPresenters must be 'organizer'.";
  }
  if (body.recordAutomatically !== false) {
    return 'Policy: recordAutomatically must be false.';
  }
  return undefined;
}

function graphError(code: string, message: string): Record<string, unknown> {
  return {
    error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') } },
  };
}

function aadError(error: string, description: string): Record<string, unknown> {
  return { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)] };
}

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function parseJson(raw: string): unknown {
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
