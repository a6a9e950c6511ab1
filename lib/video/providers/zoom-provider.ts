import { z } from 'zod';
import { AccessTokenCache, type IssuedToken } from './access-token-cache.ts';
import { generatePasscode } from './generate-passcode.ts';
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
import { evaluateZoomSecurity, type ZoomMeeting, ZZoomMeeting } from './zoom-security.ts';

export const ZZoomProviderConfig = z.object({
  accountId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The Zoom user (id or email) that hosts every meeting: a service account, not a clinician. */
  hostUserId: z.string().min(1),
  oauthBase: z.url().default('https://zoom.us'),
  apiBase: z.url().default('https://api.zoom.us'),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type ZoomProviderConfig = z.input<typeof ZZoomProviderConfig> & { fetchImpl?: FetchLike };

const ZZoomToken = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const ZZoomRegistrant = z.object({ registrant_id: z.string().min(1), join_url: z.url() });
const ZZoomError = z.object({ code: z.union([z.number(), z.string()]).optional(), error: z.string().optional() });

/**
 * Zoom adapter (Server-to-Server OAuth). Each visit is a scheduled meeting with a generated
 * passcode, waiting room, no join-before-host and registration, and every participant is
 * registered under an alias so each gets a unique join link.
 */
export class ZoomProvider implements VideoProvider {
  readonly name = 'zoom' as const;
  private readonly config: z.output<typeof ZZoomProviderConfig>;
  private readonly fetchImpl: FetchLike;
  private readonly tokens: AccessTokenCache;

  constructor(config: ZoomProviderConfig) {
    this.config = ZZoomProviderConfig.parse(config);
    this.config.oauthBase = this.config.oauthBase.replace(/\/+$/, '');
    this.config.apiBase = this.config.apiBase.replace(/\/+$/, '');
    this.fetchImpl = config.fetchImpl ?? ((input, init) => fetch(input, init));
    this.tokens = new AccessTokenCache(() => this.fetchToken());
  }

  /** Creates the meeting, verifies its security settings as Zoom stored them, registers participants. */
  async provision(rawInput: ProvisionInput): Promise<ProvisionedRoom> {
    const input = parseProvisionInput('zoom', rawInput);
    const meeting = await this.createMeeting(input, generatePasscode());
    const meetingId = String(meeting.id);
    const securityChecks = evaluateZoomSecurity(meeting);
    const failed = Object.keys(securityChecks).filter((check) => !securityChecks[check]);
    if (failed.length > 0) {
      const cleanup = await this.deleteQuietly(meetingId);
      throw new VendorError(`zoom meeting ${meetingId} read back insecure settings (${failed.join(', ')}); ${cleanup}`, {
        provider: 'zoom',
        kind: 'policy',
        retryable: false,
      });
    }
    const joinUrls: Record<string, string> = {};
    try {
      for (const participant of input.participants) {
        joinUrls[participant.userId] = await this.addRegistrant(meetingId, participant);
      }
    } catch (error) {
      // A meeting without every registrant is useless and would leak; remove it before the retry.
      await this.deleteQuietly(meetingId);
      throw error;
    }
    return {
      provider: 'zoom',
      externalId: meetingId,
      details: { passcode: meeting.password, hostUrl: meeting.start_url, joinUrls, raw: meeting as Record<string, unknown> },
      securityChecks,
    };
  }

  /** Deletes the meeting; a meeting that is already gone counts as closed. */
  async close(externalId: string): Promise<void> {
    const response = await this.api('delete meeting', 'DELETE', `/v2/meetings/${encodeURIComponent(externalId)}`);
    if (response.status === 204 || response.status === 200 || response.status === 404) {
      return;
    }
    throw this.errorFor('delete meeting', response);
  }

  /**
   * Returns a fresh host start link. Zoom's start_url expires about two hours after it is issued,
   * so the one stored at provisioning is stale for a visit booked days ahead.
   */
  async getHostUrl(externalId: string): Promise<string> {
    const response = await this.api('get meeting', 'GET', `/v2/meetings/${encodeURIComponent(externalId)}`);
    if (response.status !== 200) {
      throw this.errorFor('get meeting', response);
    }
    const meeting = ZZoomMeeting.safeParse(response.body);
    if (!meeting.success || meeting.data.start_url === undefined) {
      throw invalidResponseError('zoom', 'get meeting', response.status);
    }
    return meeting.data.start_url;
  }

  private async createMeeting(input: ProvisionInput, passcode: string): Promise<ZoomMeeting> {
    const durationMinutes = Math.ceil((input.endsAt.getTime() - input.startsAt.getTime()) / 60_000);
    const body = {
      topic: input.topic,
      type: 2,
      start_time: input.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      duration: durationMinutes,
      timezone: 'UTC',
      password: passcode,
      settings: {
        waiting_room: true,
        join_before_host: false,
        approval_type: 0,
        registration_type: 1,
        meeting_authentication: false,
        host_video: true,
        participant_video: true,
        mute_upon_entry: true,
        auto_recording: 'none',
        encryption_type: 'enhanced_encryption',
        private_meeting: true,
        registrants_email_notification: false,
        registrants_confirmation_email: false,
      },
    };
    const path = `/v2/users/${encodeURIComponent(this.config.hostUserId)}/meetings`;
    const response = await this.api('create meeting', 'POST', path, body);
    if (response.status !== 201) {
      throw this.errorFor('create meeting', response);
    }
    const meeting = ZZoomMeeting.safeParse(response.body);
    if (!meeting.success) {
      throw invalidResponseError('zoom', 'create meeting', response.status);
    }
    return meeting.data;
  }

  private async addRegistrant(meetingId: string, participant: ProvisionInput['participants'][number]): Promise<string> {
    const body = {
      email: participant.emailAlias,
      first_name: participant.displayAlias,
      last_name: '',
      auto_approve: true,
    };
    const path = `/v2/meetings/${encodeURIComponent(meetingId)}/registrants`;
    const response = await this.api('add registrant', 'POST', path, body);
    if (response.status !== 201) {
      throw this.errorFor('add registrant', response);
    }
    const registrant = ZZoomRegistrant.safeParse(response.body);
    if (!registrant.success) {
      throw invalidResponseError('zoom', 'add registrant', response.status);
    }
    return registrant.data.join_url;
  }

  /** Best-effort delete during cleanup; returns a note for the error message instead of throwing. */
  private async deleteQuietly(meetingId: string): Promise<string> {
    try {
      await this.close(meetingId);
      return 'meeting deleted';
    } catch {
      return `cleanup delete failed, meeting ${meetingId} may remain`;
    }
  }

  private async fetchToken(): Promise<IssuedToken> {
    const query = new URLSearchParams({ grant_type: 'account_credentials', account_id: this.config.accountId });
    const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64');
    const response = await sendVendorRequest({
      provider: 'zoom',
      operation: 'token request',
      method: 'POST',
      url: `${this.config.oauthBase}/oauth/token?${query.toString()}`,
      headers: { authorization: `Basic ${basic}` },
      timeoutMs: this.config.timeoutMs,
      fetchImpl: this.fetchImpl,
    });
    if (response.status !== 200) {
      const error = this.errorFor('token request', response);
      // A 400/401 from the token endpoint means bad credentials or account id, whatever the status.
      if (error.kind === 'client') {
        throw new VendorError(error.message, {
          provider: 'zoom',
          kind: 'auth',
          retryable: false,
          status: error.status,
          vendorCode: error.vendorCode,
        });
      }
      throw error;
    }
    const token = ZZoomToken.safeParse(response.body);
    if (!token.success) {
      throw invalidResponseError('zoom', 'token request', response.status);
    }
    return { accessToken: token.data.access_token, expiresInSeconds: token.data.expires_in };
  }

  private api(operation: string, method: VendorRequest['method'], path: string, body?: unknown): Promise<VendorResponse> {
    return sendAuthorizedRequest(this.tokens, {
      provider: 'zoom',
      operation,
      method,
      url: `${this.config.apiBase}${path}`,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: this.config.timeoutMs,
      fetchImpl: this.fetchImpl,
    });
  }

  private errorFor(operation: string, response: VendorResponse): VendorError {
    const parsed = ZZoomError.safeParse(response.body);
    const code = parsed.success ? (parsed.data.code ?? parsed.data.error) : undefined;
    return toVendorError('zoom', operation, response, code === undefined ? undefined : String(code));
  }
}
