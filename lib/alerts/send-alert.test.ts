import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDatadogStandin } from '../../test/standins/datadog-standin.ts';
import { startGenericStandin } from '../../test/standins/generic-standin.ts';
import { startPagerDutyStandin } from '../../test/standins/pagerduty-standin.ts';
import { startSlackStandin } from '../../test/standins/slack-standin.ts';
import type { AlertStandin } from '../../test/standins/alert-standin-server.ts';
import { sendAlert, type AlertMessage, type AlertSinkConfig } from './send-alert.ts';

const ROUTING_KEY = 'R0UT1NGKEY0000000000000000000000';
const DD_KEY = 'dd-standin-key';

const deadLetter: AlertMessage = {
  kind: 'dead_letter',
  incidentKey: 'endpoint:ep_123:dead_letter:evt_9',
  tenantId: 'ten_1',
  tenantSlug: 'acme-health',
  endpointId: 'ep_123',
  endpointUrl: 'https://hooks.acme.example/periodic?token=s3cret',
  eventType: 'appointment.created',
  eventId: 'evt_9',
  deliveryId: 'dlv_7',
  attempts: 5,
  lastError: 'http_status 500',
  summary: 'Delivery of appointment.created to ep_123 failed 5 times and was dead-lettered',
};

const opened: AlertStandin[] = [];
async function track<T extends AlertStandin>(p: Promise<T>): Promise<T> {
  const s = await p;
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function startAll(failFirst = 0) {
  const slack = await track(startSlackStandin({ failFirst }));
  const pagerduty = await track(startPagerDutyStandin({ failFirst }));
  const datadog = await track(startDatadogStandin({ failFirst, apiKey: DD_KEY }));
  const generic = await track(startGenericStandin({ failFirst }));
  const sinks: AlertSinkConfig = {
    slackWebhookUrl: slack.url,
    pagerdutyRoutingKey: ROUTING_KEY,
    pagerdutyEventsUrl: pagerduty.url,
    datadogApiKey: DD_KEY,
    datadogApiUrl: datadog.url,
    genericWebhookUrl: generic.url,
  };
  return { slack, pagerduty, datadog, generic, sinks };
}

async function closedPortUrl(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const fast = { retryDelayMs: 20, timeoutMs: 1000 };

describe('sendAlert', () => {
  it('delivers a dead-letter alert to all four sinks in their documented formats', async () => {
    const { slack, pagerduty, datadog, generic, sinks } = await startAll();
    const results = await sendAlert(deadLetter, sinks, fast);
    expect(results).toEqual({
      slack: { ok: true, status: 200, attempts: 1 },
      pagerduty: { ok: true, status: 202, attempts: 1 },
      datadog: { ok: true, status: 202, attempts: 1 },
      webhook: { ok: true, status: 200, attempts: 1 },
    });

    const slackBody = slack.received[0]?.body as { text: string; blocks: Array<{ type: string }> };
    expect(slackBody.text).toContain('dead-lettered');
    expect(slackBody.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);

    const pd = pagerduty.received[0];
    expect(pd?.path).toBe('/v2/enqueue');
    expect(pd?.body).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: deadLetter.incidentKey,
      payload: { severity: 'error', source: 'hooks.acme.example', class: 'dead_letter', group: 'acme-health', component: 'webhook-delivery' },
    });

    const dd = datadog.received[0];
    expect(dd?.path).toBe('/api/v1/events');
    expect(dd?.headers['dd-api-key']).toBe(DD_KEY);
    expect(dd?.body).toMatchObject({ alert_type: 'error', aggregation_key: deadLetter.incidentKey, source_type_name: 'periodic' });
    expect((dd?.body as { tags: string[] }).tags).toContain('tenant:acme-health');

    expect(generic.received[0]?.body).toMatchObject({ type: 'periodic.alert', alert: { kind: 'dead_letter', eventId: 'evt_9' } });

    // The endpoint's query string (often a receiver token) reaches no sink.
    for (const s of [slack, pagerduty, datadog, generic]) {
      expect(JSON.stringify(s.received[0]?.body)).not.toContain('s3cret');
    }
  });

  it('recovered resolves in PagerDuty, is a success in Datadog and a Slack message', async () => {
    const { slack, pagerduty, datadog, sinks } = await startAll();
    const recovered: AlertMessage = {
      kind: 'recovered',
      incidentKey: 'endpoint:ep_123:failing',
      tenantId: 'ten_1',
      endpointId: 'ep_123',
      summary: 'Endpoint ep_123 is delivering again',
    };
    const results = await sendAlert(recovered, sinks, fast);
    expect(results.pagerduty).toEqual({ ok: true, status: 202, attempts: 1 });
    expect(pagerduty.received[0]?.body).toEqual({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'endpoint:ep_123:failing' });
    expect(datadog.received[0]?.body).toMatchObject({ alert_type: 'success', aggregation_key: 'endpoint:ep_123:failing' });
    expect((slack.received[0]?.body as { text: string }).text).toContain('recovered');
  });

  it('retries a sink that fails first, and reports the attempts', async () => {
    const { slack, pagerduty, datadog, generic, sinks } = await startAll(1);
    const results = await sendAlert(deadLetter, sinks, fast);
    for (const name of ['slack', 'pagerduty', 'datadog', 'webhook'] as const) {
      expect(results[name]).toMatchObject({ ok: true, attempts: 2 });
    }
    for (const s of [slack, pagerduty, datadog, generic]) {
      expect(s.received.map((r) => r.status)).toEqual([503, expect.any(Number)]);
    }
  });

  it('retries after a reset connection too, and gives up after 3 tries', async () => {
    const slack = await track(startSlackStandin({ failFirst: 1, failWith: 'reset' }));
    const generic = await track(startGenericStandin({ failFirst: 5, failStatus: 500 }));
    const results = await sendAlert(deadLetter, { slackWebhookUrl: slack.url, genericWebhookUrl: generic.url }, fast);
    expect(results.slack).toMatchObject({ ok: true, attempts: 2 });
    expect(results.webhook).toMatchObject({ ok: false, status: 500, attempts: 3 });
    expect(results.webhook?.error).toContain('500');
    expect(generic.received).toHaveLength(3);
  });

  it('does not retry a request the sink refuses as wrong (403 bad key)', async () => {
    const datadog = await track(startDatadogStandin({ apiKey: DD_KEY }));
    const results = await sendAlert(deadLetter, { datadogApiKey: 'wrong-key', datadogApiUrl: datadog.url }, fast);
    expect(results.datadog).toMatchObject({ ok: false, status: 403, attempts: 1 });
    expect(results.datadog?.error).toContain('Forbidden');
  });

  it('one sink down or hanging does not block or fail the others', async () => {
    const { slack, datadog, sinks } = await startAll();
    const hanging = await track(startGenericStandin({ failFirst: 10, failWith: 'hang' }));
    const started = Date.now();
    const results = await sendAlert(
      deadLetter,
      { ...sinks, pagerdutyEventsUrl: await closedPortUrl(), genericWebhookUrl: hanging.url },
      { retryDelayMs: 20, timeoutMs: 300 },
    );
    const elapsed = Date.now() - started;
    expect(results.slack).toMatchObject({ ok: true, attempts: 1 });
    expect(results.datadog).toMatchObject({ ok: true, attempts: 1 });
    expect(results.pagerduty).toMatchObject({ ok: false, attempts: 3 });
    expect(results.pagerduty?.error).toContain('connection_refused');
    expect(results.webhook).toMatchObject({ ok: false, attempts: 3 });
    expect(results.webhook?.error).toContain('timeout');
    // Three 300 ms tries plus short backoff, run in parallel with the rest: far below serial time.
    expect(elapsed).toBeLessThan(2500);
    expect(slack.received).toHaveLength(1);
    expect(datadog.received).toHaveLength(1);
  });

  it('sends nothing for unconfigured sinks', async () => {
    expect(await sendAlert(deadLetter, {}, fast)).toEqual({});
  });

  it('refuses an invalid alert, including unknown (possibly PHI) fields', async () => {
    await expect(sendAlert({ ...deadLetter, patientEmail: 'x@example.com' } as AlertMessage, {}, fast)).rejects.toThrow();
    await expect(sendAlert({ ...deadLetter, summary: '' }, {}, fast)).rejects.toThrow();
    await expect(sendAlert({ ...deadLetter, kind: 'panic' } as unknown as AlertMessage, {}, fast)).rejects.toThrow();
  });
});
