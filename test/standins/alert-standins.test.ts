import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertStandin } from './alert-standin-server.ts';
import { startDatadogStandin } from './datadog-standin.ts';
import { startGenericStandin } from './generic-standin.ts';
import { startPagerDutyStandin } from './pagerduty-standin.ts';
import { startSlackStandin } from './slack-standin.ts';

const opened: AlertStandin[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function track(p: Promise<AlertStandin>): Promise<AlertStandin> {
  const s = await p;
  opened.push(s);
  return s;
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await request(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const text = await res.body.text();
  return { status: res.statusCode, text, json: (() => { try { return JSON.parse(text) as unknown; } catch { return undefined; } })() };
}

describe('alert stand-ins answer like the real services', () => {
  it('slack: ok for text or blocks, invalid_payload otherwise', async () => {
    const slack = await track(startSlackStandin());
    expect(await postJson(slack.url, { text: 'hi' })).toMatchObject({ status: 200, text: 'ok' });
    expect(await postJson(slack.url, { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }] })).toMatchObject({ status: 200 });
    expect(await postJson(slack.url, { foo: 1 })).toMatchObject({ status: 400, text: 'invalid_payload' });
    expect(await postJson(slack.url, 'not json')).toMatchObject({ status: 400, text: 'invalid_payload' });
    expect(slack.received).toHaveLength(4);
  });

  it('pagerduty: 202 with dedup_key, 400 invalid event with errors', async () => {
    const pd = await track(startPagerDutyStandin());
    const ok = await postJson(`${pd.url}/v2/enqueue`, { routing_key: 'rk', event_action: 'trigger', dedup_key: 'd1', payload: { summary: 's', source: 'h', severity: 'error' } });
    expect(ok).toMatchObject({ status: 202, json: { status: 'success', message: 'Event processed', dedup_key: 'd1' } });
    const bad = await postJson(`${pd.url}/v2/enqueue`, { routing_key: '', event_action: 'trigger', payload: { summary: 's', severity: 'loud' } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ status: 'invalid event' });
    expect((bad.json as { errors: string[] }).errors).toHaveLength(3);
    expect((await postJson(`${pd.url}/v2/enqueue`, { routing_key: 'rk', event_action: 'resolve' })).status).toBe(400);
    expect((await postJson(`${pd.url}/v2/enqueue`, { routing_key: 'rk', event_action: 'resolve', dedup_key: 'd1' })).status).toBe(202);
  });

  it('datadog: 403 without the key, 400 without title/text, 202 otherwise', async () => {
    const dd = await track(startDatadogStandin({ apiKey: 'k' }));
    const url = `${dd.url}/api/v1/events`;
    expect(await postJson(url, { title: 't', text: 'x' })).toMatchObject({ status: 403, json: { errors: ['Forbidden'] } });
    expect(await postJson(url, { title: 't', text: 'x' }, { 'DD-API-KEY': 'other' })).toMatchObject({ status: 403 });
    expect((await postJson(url, { title: 't' }, { 'DD-API-KEY': 'k' })).status).toBe(400);
    expect(await postJson(url, { title: 't', text: 'x', tags: ['a:b'] }, { 'DD-API-KEY': 'k' })).toMatchObject({
      status: 202,
      json: { status: 'ok', event: { title: 't', text: 'x', tags: ['a:b'] } },
    });
  });

  it('generic: 200 for a JSON object, 400 otherwise', async () => {
    const g = await track(startGenericStandin());
    expect(await postJson(g.url, { a: 1 })).toMatchObject({ status: 200, json: { ok: true } });
    expect((await postJson(g.url, '[1]')).status).toBe(400);
  });

  it('fails the first N requests as configured, then recovers; failNext adds more', async () => {
    const g = await track(startGenericStandin({ failFirst: 2, failStatus: 502 }));
    expect((await postJson(g.url, { a: 1 })).status).toBe(502);
    expect((await postJson(g.url, { a: 1 })).status).toBe(502);
    expect((await postJson(g.url, { a: 1 })).status).toBe(200);
    g.failNext(1, 'status', 429);
    expect((await postJson(g.url, { a: 1 })).status).toBe(429);
    expect(g.received.map((r) => r.status)).toEqual([502, 502, 200, 429]);
  });
});
