/**
 * The headless API over real HTTP (route handlers on 127.0.0.1): keys, problem+json, booking
 * races, idempotency, lifecycle, events, DST through the API, and the FHIR view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { futureSlot, randomTokenId } from '../core/test-fixtures.ts';
import { createApiKey, revokeApiKey } from './keys/manage-api-keys.ts';
import { startTestApiServer } from './test-api-server.ts';

let server: { baseUrl: string; close: () => Promise<void> };
let key: string;
let resourceId: string;

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, auth = key) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${auth}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** The second Sunday of March next year: US spring-forward. */
function nextUsSpringForward(): string {
  const year = new Date().getUTCFullYear() + 1;
  const firstOfMarch = new Date(Date.UTC(year, 2, 1));
  const firstSunday = 1 + ((7 - firstOfMarch.getUTCDay()) % 7);
  return `${year}-03-${String(firstSunday + 7).padStart(2, '0')}`;
}

beforeAll(async () => {
  const tenant = await createTestTenant('api');
  key = (await createApiKey(tenant.id, 'integration test')).key;
  server = await startTestApiServer();
  const created = await api('POST', '/api/v1/resources', { label: 'Dr. API', time_zone: 'UTC', visit_minutes: 30 });
  expect(created.status).toBe(201);
  resourceId = created.body.id;
  const put = await api('PUT', `/api/v1/resources/${resourceId}/availability`, {
    rules: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 0, end_minute: 1440 })),
    exceptions: [],
  });
  expect(put.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

describe('authentication and problems', () => {
  it('refuses missing, malformed, unknown and revoked keys with 401 problem+json', async () => {
    const none = await fetch(`${server.baseUrl}/api/v1/resources`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    const body = await none.json();
    expect(body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await api('GET', '/api/v1/resources', undefined, {}, 'pk_nonsense')).status).toBe(401);
    const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await api('GET', '/api/v1/resources', undefined, {}, forged)).status).toBe(401);
    const tenant = await createTestTenant('api-revoke');
    const doomed = await createApiKey(tenant.id, 'doomed');
    expect((await api('GET', '/api/v1/resources', undefined, {}, doomed.key)).status).toBe(200);
    await revokeApiKey(tenant.id, doomed.id);
    expect((await api('GET', '/api/v1/resources', undefined, {}, doomed.key)).status).toBe(401);
  });

  it('validates with zod and lists field errors', async () => {
    const res = await api('POST', '/api/v1/appointments', { resource_id: 'nope', token_id: 'bad', starts_at: 'soon' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/resource_id', '#/starts_at', '#/token_id']);
    expect((await api('POST', '/api/v1/appointments', '{not json')).status).toBe(400);
  });

  it('does not show another tenant’s resource', async () => {
    const other = await createTestTenant('api-other');
    const otherKey = (await createApiKey(other.id, 'other')).key;
    expect((await api('GET', `/api/v1/resources/${resourceId}`, undefined, {}, otherKey)).status).toBe(404);
  });
});

describe('booking through the API', () => {
  it('books, then answers 409 to 24 of 25 concurrent requests for the same slot', async () => {
    const startsAt = futureSlot(10, 9).toISOString();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => api('POST', '/api/v1/appointments', { resource_id: resourceId, token_id: randomTokenId(), starts_at: startsAt })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(24);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.headers.get('content-type')).toBe('application/problem+json');
    expect(conflict.body).toMatchObject({ status: 409, reason: 'slot_taken' });
    const listed = await api('GET', `/api/v1/appointments?resource_id=${resourceId}&from=${encodeURIComponent(startsAt)}&to=${encodeURIComponent(futureSlot(10, 10).toISOString())}`);
    expect(listed.body.data).toHaveLength(1);
  });

  it('runs the lifecycle and refuses illegal transitions with 409', async () => {
    const booked = await api('POST', '/api/v1/appointments', { resource_id: resourceId, token_id: randomTokenId(), starts_at: futureSlot(11, 9).toISOString() });
    expect(booked.body.status).toBe('pending');
    const id = booked.body.id;
    expect((await api('POST', `/api/v1/appointments/${id}/complete`)).body).toMatchObject({ status: 409, reason: 'illegal_transition' });
    expect((await api('POST', `/api/v1/appointments/${id}/confirm`)).body.status).toBe('confirmed');
    const moved = await api('POST', `/api/v1/appointments/${id}/reschedule`, { starts_at: futureSlot(11, 13).toISOString() });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id, starts_at: futureSlot(11, 13).toISOString(), status: 'confirmed' });
    expect((await api('POST', `/api/v1/appointments/${id}/cancel`)).body.status).toBe('cancelled');
    expect((await api('POST', `/api/v1/appointments/${id}/confirm`)).status).toBe(409);
    expect((await api('POST', `/api/v1/appointments/${id}/explode`)).status).toBe(404);
    const events = await api('GET', `/api/v1/events?appointment_id=${id}&limit=2`);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['appointment.created', 'appointment.status.confirmed']);
    const rest = await api('GET', `/api/v1/events?appointment_id=${id}&limit=2&cursor=${events.body.next_cursor}`);
    expect(rest.body.data.map((e: { type: string }) => e.type)).toEqual(['appointment.rescheduled', 'appointment.status.cancelled']);
    expect(rest.body.data[1].payload.data).toEqual(expect.objectContaining({ appointment_id: id, status: 'cancelled' }));
    expect(Object.keys(rest.body.data[1].payload.data).sort()).toEqual(['appointment_id', 'ends_at', 'resource_id', 'starts_at', 'status', 'tenant_id', 'token_id']);
  });

  it('keeps 09:00 New York across the spring-forward change (DST through the API)', async () => {
    const ny = await api('POST', '/api/v1/resources', { label: 'Dr. New York', time_zone: 'America/New_York', visit_minutes: 60 });
    await api('PUT', `/api/v1/resources/${ny.body.id}/availability`, { rules: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 540, end_minute: 600 })), exceptions: [] });
    const sunday = nextUsSpringForward();
    const saturday = new Date(Date.parse(`${sunday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const res = await api('GET', `/api/v1/slots?resource_id=${ny.body.id}&from=${saturday}T00:00:00Z&to=${sunday}T23:59:59Z&tz=Europe/London`);
    expect(res.status).toBe(200);
    expect(res.body.slots.map((s: { starts_at: string }) => s.starts_at)).toEqual([`${saturday}T14:00:00.000Z`, `${sunday}T13:00:00.000Z`]);
    expect(res.body.slots[0].label).toMatch(/2:00\s*–\s*3:00\sPM GMT/);
    expect(res.body.slots[1].label).toMatch(/1:00\s*–\s*2:00\sPM GMT/);
  });

  it('on-demand books the on-call clinician or says nobody is available', async () => {
    const t = await createTestTenant('api-now');
    const k = (await createApiKey(t.id, 'now')).key;
    expect((await api('POST', '/api/v1/appointments/on-demand', { token_id: randomTokenId() }, {}, k)).body).toMatchObject({ status: 422, reason: 'nobody_available' });
    const r = await api('POST', '/api/v1/resources', { label: 'On call', time_zone: 'UTC', on_call: true }, {}, k);
    const now = await api('POST', '/api/v1/appointments/on-demand', { token_id: randomTokenId() }, {}, k);
    expect(now.status).toBe(201);
    expect(now.body).toMatchObject({ resource_id: r.body.id, status: 'confirmed', kind: 'on_demand' });
  });
});

describe('Idempotency-Key', () => {
  it('replays the same response for the same key and body, and refuses a different body with 422', async () => {
    const body = { resource_id: resourceId, token_id: randomTokenId(), starts_at: futureSlot(12, 9).toISOString() };
    const first = await api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'idem-1' });
    const again = await api('POST', '/api/v1/appointments', { starts_at: body.starts_at, token_id: body.token_id, resource_id: body.resource_id }, { 'idempotency-key': 'idem-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await api('POST', '/api/v1/appointments', { ...body, starts_at: futureSlot(12, 10).toISOString() }, { 'idempotency-key': 'idem-1' });
    expect(other.status).toBe(422);
    expect(other.body.reason).toBe('idempotency_mismatch');
  });

  it('replays a stored error too', async () => {
    const body = { resource_id: resourceId, token_id: randomTokenId(), starts_at: futureSlot(12, 9, 7).toISOString() };
    const first = await api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'idem-err' });
    const again = await api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'idem-err' });
    expect(first.status).toBe(422);
    expect(again.status).toBe(422);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
  });

  it('runs a booking once for 20 concurrent requests with one key', async () => {
    const body = { resource_id: resourceId, token_id: randomTokenId(), starts_at: futureSlot(12, 15).toISOString() };
    const results = await Promise.all(Array.from({ length: 20 }, () => api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'idem-race' })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    const listed = await api('GET', `/api/v1/appointments?token_id=${body.token_id}`);
    expect(listed.body.data).toHaveLength(1);
  });
});

describe('FHIR read view', () => {
  it('maps an appointment with the patient as a token only', async () => {
    const token = randomTokenId();
    const booked = await api('POST', '/api/v1/appointments', { resource_id: resourceId, token_id: token, starts_at: futureSlot(13, 9).toISOString() });
    await api('POST', `/api/v1/appointments/${booked.body.id}/confirm`);
    const res = await fetch(`${server.baseUrl}/api/fhir/Appointment/${booked.body.id}`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.headers.get('content-type')).toBe('application/fhir+json');
    const fhir = await res.json();
    expect(fhir).toMatchObject({ resourceType: 'Appointment', id: booked.body.id, status: 'booked', minutesDuration: 30 });
    expect(fhir.participant[0].actor).toEqual({ type: 'Patient', identifier: { system: 'urn:periodic:patient-token', value: token } });
    const missing = await fetch(`${server.baseUrl}/api/fhir/Appointment/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${key}` } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).resourceType).toBe('OperationOutcome');
  });

  it('lists free slots as a searchset Bundle', async () => {
    const day = futureSlot(14, 0).toISOString().slice(0, 10);
    const res = await fetch(`${server.baseUrl}/api/fhir/Slot?schedule=${resourceId}&start=${day}`, { headers: { authorization: `Bearer ${key}` } });
    const bundle = await res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 48 });
    expect(bundle.entry[0].resource).toMatchObject({ resourceType: 'Slot', status: 'free', schedule: { reference: `Schedule/${resourceId}` }, start: `${day}T00:00:00.000Z` });
  });
});
