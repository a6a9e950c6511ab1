import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomStandin, ZOOM_STANDIN_DEFAULTS, type ZoomStandin } from '../../../test/standins/zoom-standin.ts';
import { VendorError, type ProvisionInput } from './video-provider.ts';
import { ZoomProvider } from './zoom-provider.ts';

let standin: ZoomStandin;

beforeEach(async () => {
  standin = await startZoomStandin();
});

afterEach(async () => {
  await standin.close();
});

function makeProvider(overrides: Partial<ConstructorParameters<typeof ZoomProvider>[0]> = {}): ZoomProvider {
  return new ZoomProvider({
    ...ZOOM_STANDIN_DEFAULTS,
    oauthBase: standin.url,
    apiBase: standin.url,
    timeoutMs: 2_000,
    ...overrides,
  });
}

function makeInput(appointmentId = 'appt-1'): ProvisionInput {
  return {
    appointmentId,
    startsAt: new Date('2030-03-04T15:30:00.000Z'),
    endsAt: new Date('2030-03-04T16:15:00.000Z'),
    topic: 'Telehealth visit',
    participants: [
      { userId: 'user-patient', role: 'patient', displayAlias: 'Participant A7', emailAlias: 'p-a7@alias.periodic.test' },
      { userId: 'user-clinician', role: 'clinician', displayAlias: 'Clinician C2', emailAlias: 'c-c2@alias.periodic.test' },
    ],
  };
}

async function catchVendorError(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VendorError);
  return error as VendorError;
}

describe('ZoomProvider.provision', () => {
  it('creates a secured meeting with a Basic-authed token and Bearer-authed API calls', async () => {
    const room = await makeProvider().provision(makeInput());

    const [tokenRequest, createRequest] = standin.received;
    const basic = Buffer.from(`${ZOOM_STANDIN_DEFAULTS.clientId}:${ZOOM_STANDIN_DEFAULTS.clientSecret}`).toString('base64');
    expect(tokenRequest).toMatchObject({
      method: 'POST',
      path: '/oauth/token',
      query: { grant_type: 'account_credentials', account_id: ZOOM_STANDIN_DEFAULTS.accountId },
    });
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${basic}`);

    expect(createRequest?.path).toBe(`/v2/users/${ZOOM_STANDIN_DEFAULTS.hostUserId}/meetings`);
    expect(createRequest?.headers.authorization).toMatch(/^Bearer standin-zoom-/);
    const body = createRequest?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      topic: 'Telehealth visit',
      type: 2,
      start_time: '2030-03-04T15:30:00Z',
      duration: 45,
      timezone: 'UTC',
      settings: {
        waiting_room: true,
        join_before_host: false,
        approval_type: 0,
        registration_type: 1,
        mute_upon_entry: true,
        auto_recording: 'none',
        encryption_type: 'enhanced_encryption',
        private_meeting: true,
      },
    });
    expect(body.password).toMatch(/^[a-zA-Z0-9@\-_*]{10}$/);

    expect(room.provider).toBe('zoom');
    expect(standin.meetings.has(room.externalId)).toBe(true);
    expect(room.details.passcode).toBe(body.password);
    expect(room.details.hostUrl).toContain(`/s/${room.externalId}?zak=`);
    expect(Object.values(room.securityChecks).every(Boolean)).toBe(true);
    expect(room.securityChecks).toMatchObject({ waitingRoom: true, joinBeforeHostDisabled: true, passcodeRequired: true });
  });

  it('registers each participant under its alias and returns a unique join URL per participant', async () => {
    const room = await makeProvider().provision(makeInput());

    const registrantBodies = standin.received
      .filter((request) => request.path === `/v2/meetings/${room.externalId}/registrants`)
      .map((request) => request.body);
    expect(registrantBodies).toEqual([
      { email: 'p-a7@alias.periodic.test', first_name: 'Participant A7', last_name: '', auto_approve: true },
      { email: 'c-c2@alias.periodic.test', first_name: 'Clinician C2', last_name: '', auto_approve: true },
    ]);
    const stored = standin.meetings.get(room.externalId);
    expect(room.details.joinUrls).toEqual({
      'user-patient': stored?.registrants.get('p-a7@alias.periodic.test')?.join_url,
      'user-clinician': stored?.registrants.get('c-c2@alias.periodic.test')?.join_url,
    });
    expect(new Set(Object.values(room.details.joinUrls)).size).toBe(2);
  });

  it('fetches one token for many provisions, including concurrent ones', async () => {
    const provider = makeProvider();
    await provider.provision(makeInput('appt-1'));
    await provider.provision(makeInput('appt-2'));
    await Promise.all([provider.provision(makeInput('appt-3')), provider.provision(makeInput('appt-4'))]);
    expect(standin.tokenRequests()).toBe(1);
    expect(standin.meetings.size).toBe(4);
  });

  it('refetches the token when it is near expiry', async () => {
    await standin.close();
    // A 1 s token is used for half its life, then replaced before the stand-in would reject it.
    standin = await startZoomStandin({ tokenTtlSeconds: 1 });
    const provider = makeProvider();
    await provider.provision(makeInput('appt-1'));
    expect(standin.tokenRequests()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await provider.provision(makeInput('appt-2'));
    expect(standin.tokenRequests()).toBe(2);
  });

  it('refreshes a revoked token once and carries on', async () => {
    const provider = makeProvider();
    await provider.provision(makeInput('appt-1'));
    standin.revokeTokens();
    const room = await provider.provision(makeInput('appt-2'));
    expect(standin.tokenRequests()).toBe(2);
    expect(standin.meetings.has(room.externalId)).toBe(true);
  });

  it('deletes the meeting and fails without retry when Zoom reads back a waiting room that is off', async () => {
    standin.overrideSettings({ waiting_room: false });
    const error = await catchVendorError(makeProvider().provision(makeInput()));

    expect(error).toMatchObject({ provider: 'zoom', kind: 'policy', retryable: false });
    expect(error.message).toContain('waitingRoom');
    const created = standin.received.find((request) => request.path.endsWith('/meetings') && request.method === 'POST');
    expect(created).toBeDefined();
    const deletes = standin.received.filter((request) => request.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(standin.meetings.size).toBe(0);
    expect(standin.received.some((request) => request.path.endsWith('/registrants'))).toBe(false);
  });

  it('rejects a read-back with join-before-host switched on', async () => {
    standin.overrideSettings({ join_before_host: true });
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error.kind).toBe('policy');
    expect(error.message).toContain('joinBeforeHostDisabled');
    expect(standin.meetings.size).toBe(0);
  });

  it('maps a 500 to a retryable VendorError', async () => {
    standin.failNext(1, 500);
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ provider: 'zoom', kind: 'server', status: 500, retryable: true });
    expect(standin.meetings.size).toBe(0);
  });

  it('maps a 429 to a retryable rate-limit error with Retry-After', async () => {
    standin.failNext(1, 429);
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, retryAfterMs: 1000 });
  });

  it('maps a refused connection to a retryable network error', async () => {
    const url = standin.url;
    await standin.close();
    const error = await catchVendorError(makeProvider({ oauthBase: url, apiBase: url }).provision(makeInput()));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    standin = await startZoomStandin();
  });

  it('maps a 401 that survives a token refresh to a non-retryable auth error', async () => {
    standin.failNext(2, 401);
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(standin.tokenRequests()).toBe(2);
  });

  it('maps bad client credentials to a non-retryable auth error', async () => {
    const error = await catchVendorError(makeProvider({ clientSecret: 'wrong' }).provision(makeInput()));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false, vendorCode: 'invalid_client' });
    expect(error.message).not.toContain('wrong');
  });

  it('deletes the meeting when a registrant cannot be added, and stays retryable on 5xx', async () => {
    standin.failNext(1, 503, 'registrants');
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ kind: 'server', status: 503, retryable: true });
    const created = standin.received.filter((request) => request.method === 'POST' && request.path.endsWith('/meetings'));
    expect(created).toHaveLength(1);
    expect(standin.received.at(-1)?.method).toBe('DELETE');
    expect(standin.meetings.size).toBe(0);
  });

  it('rejects invalid input before calling Zoom', async () => {
    const input = { ...makeInput(), endsAt: new Date('2030-03-04T15:00:00.000Z') };
    const error = await catchVendorError(makeProvider().provision(input));
    expect(error).toMatchObject({ kind: 'invalid_input', retryable: false });
    expect(standin.received).toHaveLength(0);
  });
});

describe('ZoomProvider.close', () => {
  it('deletes the meeting and treats an already-deleted meeting as closed', async () => {
    const provider = makeProvider();
    const room = await provider.provision(makeInput());
    await provider.close(room.externalId);
    expect(standin.meetings.has(room.externalId)).toBe(false);
    expect(standin.received.at(-1)).toMatchObject({ method: 'DELETE', path: `/v2/meetings/${room.externalId}` });
    await expect(provider.close(room.externalId)).resolves.toBeUndefined();
  });

  it('surfaces a 5xx on delete as retryable', async () => {
    const provider = makeProvider();
    const room = await provider.provision(makeInput());
    standin.failNext(1, 502);
    const error = await catchVendorError(provider.close(room.externalId));
    expect(error).toMatchObject({ kind: 'server', retryable: true });
  });
});

describe('ZoomProvider.getHostUrl', () => {
  it('returns a fresh start URL', async () => {
    const provider = makeProvider();
    const room = await provider.provision(makeInput());
    const hostUrl = await provider.getHostUrl(room.externalId);
    expect(hostUrl).toContain(`/s/${room.externalId}?zak=`);
    expect(hostUrl).not.toBe(room.details.hostUrl);
  });
});
