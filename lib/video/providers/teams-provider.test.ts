import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRAPH_STANDIN_DEFAULTS, startGraphStandin, type GraphStandin } from '../../../test/standins/graph-standin.ts';
import { TeamsProvider } from './teams-provider.ts';
import { VendorError, type ProvisionInput } from './video-provider.ts';

let standin: GraphStandin;
const { tenantId, organizerUserId } = GRAPH_STANDIN_DEFAULTS;
const meetingsPath = `/v1.0/users/${organizerUserId}/onlineMeetings`;

beforeEach(async () => {
  standin = await startGraphStandin();
});

afterEach(async () => {
  await standin.close();
});

function makeProvider(overrides: Partial<ConstructorParameters<typeof TeamsProvider>[0]> = {}): TeamsProvider {
  return new TeamsProvider({
    ...GRAPH_STANDIN_DEFAULTS,
    loginBase: standin.url,
    graphBase: standin.url,
    timeoutMs: 2_000,
    ...overrides,
  });
}

function makeInput(appointmentId = 'appt-1', startsAt = '2030-03-04T15:30:00.000Z'): ProvisionInput {
  const start = new Date(startsAt);
  return {
    appointmentId,
    startsAt: start,
    endsAt: new Date(start.getTime() + 30 * 60_000),
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

describe('TeamsProvider.provision', () => {
  it('gets a client-credentials token, creates via createOrGet and applies the lobby policy', async () => {
    const room = await makeProvider().provision(makeInput());

    const [tokenRequest, createRequest, updateRequest] = standin.received;
    expect(tokenRequest).toMatchObject({
      method: 'POST',
      path: `/${tenantId}/oauth2/v2.0/token`,
      body: {
        client_id: GRAPH_STANDIN_DEFAULTS.clientId,
        client_secret: GRAPH_STANDIN_DEFAULTS.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
        grant_type: 'client_credentials',
      },
    });
    expect(createRequest).toMatchObject({
      method: 'POST',
      path: `${meetingsPath}/createOrGet`,
      body: {
        externalId: 'appt-1',
        startDateTime: '2030-03-04T15:30:00.000Z',
        endDateTime: '2030-03-04T16:00:00.000Z',
        subject: 'Telehealth visit',
      },
    });
    expect(createRequest?.headers.authorization).toMatch(/^Bearer standin-graph-/);
    expect(updateRequest).toMatchObject({
      method: 'PATCH',
      path: `${meetingsPath}/${room.externalId}`,
      body: {
        lobbyBypassSettings: { scope: 'organizer', isDialInBypassEnabled: false },
        allowedPresenters: 'organizer',
        isEntryExitAnnounced: true,
        recordAutomatically: false,
      },
    });
    expect(updateRequest?.headers.authorization).toBe(createRequest?.headers.authorization);

    const stored = standin.meetings.get(room.externalId);
    expect(stored?.lobbyBypassSettings).toEqual({ scope: 'organizer', isDialInBypassEnabled: false });
    expect(room.provider).toBe('teams');
    expect(room.details.passcode).toBe((stored?.joinMeetingIdSettings as { passcode: string }).passcode);
    expect(room.details.hostUrl).toBeUndefined();
    expect(Object.values(room.securityChecks).every(Boolean)).toBe(true);
  });

  it('gives every participant the meeting join URL', async () => {
    const room = await makeProvider().provision(makeInput());
    const joinWebUrl = standin.meetings.get(room.externalId)?.joinWebUrl;
    expect(joinWebUrl).toEqual(expect.stringContaining('/l/meetup-join/'));
    expect(room.details.joinUrls).toEqual({ 'user-patient': joinWebUrl, 'user-clinician': joinWebUrl });
  });

  it('returns the same meeting for the same appointment instead of creating a second one', async () => {
    const provider = makeProvider();
    const first = await provider.provision(makeInput('appt-1'));
    const again = await provider.provision(makeInput('appt-1'));
    const other = await provider.provision(makeInput('appt-2'));

    expect(again.externalId).toBe(first.externalId);
    expect(again.details.joinUrls).toEqual(first.details.joinUrls);
    expect(other.externalId).not.toBe(first.externalId);
    expect(standin.meetings.size).toBe(2);
  });

  it('brings an existing meeting up to date when the appointment moved', async () => {
    const provider = makeProvider();
    const first = await provider.provision(makeInput('appt-1', '2030-03-04T15:30:00.000Z'));
    await provider.provision(makeInput('appt-1', '2030-03-05T09:00:00.000Z'));
    expect(standin.meetings.size).toBe(1);
    expect(standin.meetings.get(first.externalId)).toMatchObject({
      startDateTime: '2030-03-05T09:00:00.000Z',
      endDateTime: '2030-03-05T09:30:00.000Z',
    });
  });

  it('fetches one token for many provisions', async () => {
    const provider = makeProvider();
    await provider.provision(makeInput('appt-1'));
    await Promise.all([provider.provision(makeInput('appt-2')), provider.provision(makeInput('appt-3'))]);
    expect(standin.tokenRequests()).toBe(1);
  });

  it('deletes the meeting and fails without retry when Graph reads back an open lobby', async () => {
    standin.overrideMeeting({ lobbyBypassSettings: { scope: 'everyone', isDialInBypassEnabled: true } });
    const error = await catchVendorError(makeProvider().provision(makeInput()));

    expect(error).toMatchObject({ provider: 'teams', kind: 'policy', retryable: false });
    expect(error.message).toContain('lobbyOrganizerOnly');
    expect(error.message).toContain('dialInLobbyEnforced');
    expect(standin.received.at(-1)?.method).toBe('DELETE');
    expect(standin.meetings.size).toBe(0);
  });

  it('rejects a read-back where everyone may present', async () => {
    standin.overrideMeeting({ allowedPresenters: 'everyone' });
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error.kind).toBe('policy');
    expect(error.message).toContain('presentersOrganizerOnly');
    expect(standin.meetings.size).toBe(0);
  });

  it('maps a 500 to a retryable VendorError', async () => {
    standin.failNext(1, 500);
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ provider: 'teams', kind: 'server', status: 500, retryable: true });
    expect(error.vendorCode).toBe('InjectedFailure');
  });

  it('keeps the meeting on a retryable update failure, and the retry reuses and secures it', async () => {
    const provider = makeProvider();
    standin.failNext(1, 503, 'update');
    const error = await catchVendorError(provider.provision(makeInput()));
    expect(error).toMatchObject({ kind: 'server', retryable: true });
    expect(standin.meetings.size).toBe(1);

    const room = await provider.provision(makeInput());
    expect(standin.meetings.size).toBe(1);
    expect(standin.meetings.get(room.externalId)?.allowedPresenters).toBe('organizer');
  });

  it('deletes the meeting on a permanent update failure', async () => {
    standin.failNext(1, 400, 'update');
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ kind: 'client', status: 400, retryable: false });
    expect(standin.meetings.size).toBe(0);
  });

  it('maps a 429 to a retryable rate-limit error with Retry-After', async () => {
    standin.failNext(1, 429);
    const error = await catchVendorError(makeProvider().provision(makeInput()));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 2000 });
  });

  it('refreshes a revoked token once, and maps a 401 that persists to non-retryable auth', async () => {
    const provider = makeProvider();
    await provider.provision(makeInput('appt-1'));
    standin.revokeTokens();
    await provider.provision(makeInput('appt-2'));
    expect(standin.tokenRequests()).toBe(2);

    standin.failNext(2, 401);
    const error = await catchVendorError(provider.provision(makeInput('appt-3')));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
  });

  it('maps a rejected client secret to a non-retryable auth error', async () => {
    const error = await catchVendorError(makeProvider({ clientSecret: 'wrong' }).provision(makeInput()));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false, vendorCode: 'invalid_client' });
    expect(standin.meetings.size).toBe(0);
  });

  it('maps a wrong tenant to a non-retryable auth error', async () => {
    const error = await catchVendorError(makeProvider({ tenantId: 'another-tenant' }).provision(makeInput()));
    expect(error).toMatchObject({ kind: 'auth', status: 400, retryable: false });
  });

  it('maps a refused connection to a retryable network error', async () => {
    const url = standin.url;
    await standin.close();
    const error = await catchVendorError(makeProvider({ loginBase: url, graphBase: url }).provision(makeInput()));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    standin = await startGraphStandin();
  });
});

describe('TeamsProvider.close', () => {
  it('deletes the meeting and treats an already-deleted meeting as closed', async () => {
    const provider = makeProvider();
    const room = await provider.provision(makeInput());
    await provider.close(room.externalId);
    expect(standin.meetings.size).toBe(0);
    expect(standin.received.at(-1)).toMatchObject({ method: 'DELETE', path: `${meetingsPath}/${room.externalId}` });
    await expect(provider.close(room.externalId)).resolves.toBeUndefined();
  });

  it('surfaces a 5xx on delete as retryable', async () => {
    const provider = makeProvider();
    const room = await provider.provision(makeInput());
    standin.failNext(1, 502);
    const error = await catchVendorError(provider.close(room.externalId));
    expect(error).toMatchObject({ kind: 'server', retryable: true });
    expect(standin.meetings.size).toBe(1);
  });
});
