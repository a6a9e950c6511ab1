import { z } from 'zod';
import { AccessTokenCache, type IssuedToken } from './access-token-cache.ts';
import { evaluateTeamsSecurity, TEAMS_SECURITY_SETTINGS, ZGraphMeeting, type GraphMeeting } from './teams-security.ts';
import {
  invalidResponseError,
  sendAuthorizedRequest,
  sendVendorRequest,
  toVendorError,
  type FetchLike,
  type VendorRequest,
  type VendorResponse,
} from './vendor-http.ts';
import {
  parseProvisionInput,
  VendorError,
  type ProvisionedRoom,
  type ProvisionInput,
  type VideoProvider,
} from './video-provider.ts';

export const ZTeamsProviderConfig = z.object({
  /** Azure AD (Entra ID) tenant id of the organization that owns the organizer account. */
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The user every meeting is created for (needs an application access policy): a service account. */
  organizerUserId: z.string().min(1),
  loginBase: z.url().default('https://login.microsoftonline.com'),
  graphBase: z.url().default('https://graph.microsoft.com'),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type TeamsProviderConfig = z.input<typeof ZTeamsProviderConfig> & { fetchImpl?: FetchLike };

const ZAadToken = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const ZGraphError = z.object({
  error: z.union([z.string(), z.object({ code: z.string().optional() }).loose()]).optional(),
});

/**
 * Microsoft Teams adapter (Graph, client credentials). Meetings are created with createOrGet
 * keyed by the appointment id, so a redelivered event or a retried job gets the same meeting back
 * instead of a second one; the security options are then applied with an update, because
 * createOrGet accepts only schedule and subject.
 */
export class TeamsProvider implements VideoProvider {
  readonly name = 'teams' as const;
  private readonly config: z.output<typeof ZTeamsProviderConfig>;
  private readonly fetchImpl: FetchLike;
  private readonly tokens: AccessTokenCache;

  constructor(config: TeamsProviderConfig) {
    this.config = ZTeamsProviderConfig.parse(config);
    this.config.loginBase = this.config.loginBase.replace(/\/+$/, '');
    this.config.graphBase = this.config.graphBase.replace(/\/+$/, '');
    this.fetchImpl = config.fetchImpl ?? ((input, init) => fetch(input, init));
    this.tokens = new AccessTokenCache(() => this.fetchToken());
  }

  /** Creates (or gets) the appointment's meeting, locks it down, verifies the read-back. */
  async provision(rawInput: ProvisionInput): Promise<ProvisionedRoom> {
    const input = parseProvisionInput('teams', rawInput);
    const created = await this.createOrGetMeeting(input);
    let meeting: GraphMeeting;
    try {
      meeting = await this.secureMeeting(created.id, input);
    } catch (error) {
      // A retryable failure keeps the meeting: the retry's createOrGet returns it and secures it
      // again, and a concurrent worker may already hold it. Only a permanent failure removes it.
      if (error instanceof VendorError && !error.retryable) {
        await this.deleteQuietly(created.id);
      }
      throw error;
    }
    const securityChecks = evaluateTeamsSecurity(meeting);
    const failed = Object.keys(securityChecks).filter((check) => !securityChecks[check]);
    if (failed.length > 0) {
      const cleanup = await this.deleteQuietly(meeting.id);
      throw new VendorError(`teams meeting read back insecure settings (${failed.join(', ')}); ${cleanup}`, {
        provider: 'teams',
        kind: 'policy',
        retryable: false,
      });
    }
    // Teams has one join link per meeting; per-participant single use is enforced on our side.
    const joinUrls = Object.fromEntries(input.participants.map((p) => [p.userId, meeting.joinWebUrl]));
    return {
      provider: 'teams',
      externalId: meeting.id,
      details: {
        passcode: meeting.joinMeetingIdSettings?.passcode ?? undefined,
        joinUrls,
        raw: meeting as Record<string, unknown>,
      },
      securityChecks,
    };
  }

  /** Deletes the meeting; a meeting that is already gone counts as closed. */
  async close(externalId: string): Promise<void> {
    const response = await this.api('delete meeting', 'DELETE', `/${encodeURIComponent(externalId)}`);
    if (response.status === 204 || response.status === 200 || response.status === 404) {
      return;
    }
    throw this.errorFor('delete meeting', response);
  }

  private async createOrGetMeeting(input: ProvisionInput): Promise<GraphMeeting> {
    const body = {
      externalId: input.appointmentId,
      startDateTime: input.startsAt.toISOString(),
      endDateTime: input.endsAt.toISOString(),
      subject: input.topic,
    };
    const response = await this.api('create meeting', 'POST', '/createOrGet', body);
    // 201 = created now, 200 = this appointment's meeting already existed.
    if (response.status !== 201 && response.status !== 200) {
      throw this.errorFor('create meeting', response);
    }
    return this.parseMeeting('create meeting', response);
  }

  /** Applies the security options and, since an existing meeting may be stale, the schedule. */
  private async secureMeeting(meetingId: string, input: ProvisionInput): Promise<GraphMeeting> {
    const body = {
      startDateTime: input.startsAt.toISOString(),
      endDateTime: input.endsAt.toISOString(),
      subject: input.topic,
      ...TEAMS_SECURITY_SETTINGS,
    };
    const path = `/${encodeURIComponent(meetingId)}`;
    const response = await this.api('update meeting', 'PATCH', path, body);
    if (response.status === 204) {
      // Nothing to read back in the answer: fetch the meeting as stored.
      const current = await this.api('get meeting', 'GET', path);
      if (current.status !== 200) {
        throw this.errorFor('get meeting', current);
      }
      return this.parseMeeting('get meeting', current);
    }
    if (response.status !== 200) {
      throw this.errorFor('update meeting', response);
    }
    return this.parseMeeting('update meeting', response);
  }

  private parseMeeting(operation: string, response: VendorResponse): GraphMeeting {
    const meeting = ZGraphMeeting.safeParse(response.body);
    if (!meeting.success) {
      throw invalidResponseError('teams', operation, response.status);
    }
    return meeting.data;
  }

  /** Best-effort delete during cleanup; returns a note for the error message instead of throwing. */
  private async deleteQuietly(meetingId: string): Promise<string> {
    try {
      await this.close(meetingId);
      return 'meeting deleted';
    } catch {
      return 'cleanup delete failed, meeting may remain';
    }
  }

  private async fetchToken(): Promise<IssuedToken> {
    const form = new URLSearchParams({
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    });
    const response = await sendVendorRequest({
      provider: 'teams',
      operation: 'token request',
      method: 'POST',
      url: `${this.config.loginBase}/${encodeURIComponent(this.config.tenantId)}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      timeoutMs: this.config.timeoutMs,
      fetchImpl: this.fetchImpl,
    });
    if (response.status !== 200) {
      const error = this.errorFor('token request', response);
      // The token endpoint answers 400 for a wrong tenant, scope or grant: all configuration.
      if (error.kind === 'client') {
        throw new VendorError(error.message, {
          provider: 'teams',
          kind: 'auth',
          retryable: false,
          status: error.status,
          vendorCode: error.vendorCode,
        });
      }
      throw error;
    }
    const token = ZAadToken.safeParse(response.body);
    if (!token.success) {
      throw invalidResponseError('teams', 'token request', response.status);
    }
    return { accessToken: token.data.access_token, expiresInSeconds: token.data.expires_in };
  }

  /** Calls the organizer's onlineMeetings collection; `path` is relative to it. */
  private api(operation: string, method: VendorRequest['method'], path: string, body?: unknown): Promise<VendorResponse> {
    const organizer = encodeURIComponent(this.config.organizerUserId);
    return sendAuthorizedRequest(this.tokens, {
      provider: 'teams',
      operation,
      method,
      url: `${this.config.graphBase}/v1.0/users/${organizer}/onlineMeetings${path}`,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: this.config.timeoutMs,
      fetchImpl: this.fetchImpl,
    });
  }

  private errorFor(operation: string, response: VendorResponse): VendorError {
    const parsed = ZGraphError.safeParse(response.body);
    const error = parsed.success ? parsed.data.error : undefined;
    const code = typeof error === 'string' ? error : error?.code;
    return toVendorError('teams', operation, response, code);
  }
}
