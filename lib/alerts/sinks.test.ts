import { describe, expect, it } from 'vitest';
import { loadAlertSinkConfig } from './alert-config.ts';
import { describeEndpointUrl, ZAlertMessage, type AlertMessage } from './alert-message.ts';
import { buildDatadogEvent, buildDatadogRequest } from './datadog.ts';
import { buildGenericAlertBody } from './generic-webhook.ts';
import { buildPagerDutyEvent, buildPagerDutyRequest } from './pagerduty.ts';
import { buildSlackPayload } from './slack.ts';

const failing: AlertMessage = {
  kind: 'failing',
  incidentKey: 'endpoint:ep_1:failing',
  tenantId: 'ten_1',
  endpointId: 'ep_1',
  summary: 'Endpoint <ep_1> & friends failing',
};

describe('alert message schema', () => {
  it('accepts a minimal alert and refuses unknown keys', () => {
    expect(ZAlertMessage.parse(failing)).toEqual(failing);
    expect(ZAlertMessage.safeParse({ ...failing, patientName: 'x' }).success).toBe(false);
    expect(ZAlertMessage.safeParse({ ...failing, incidentKey: 'k'.repeat(256) }).success).toBe(false);
    expect(ZAlertMessage.safeParse({ ...failing, endpointUrl: 'not a url' }).success).toBe(false);
  });
  it('describes endpoint URLs without query or credentials', () => {
    expect(describeEndpointUrl('https://u:p@h.example:8443/a/b?t=1#f')).toBe('https://h.example:8443/a/b');
    expect(describeEndpointUrl(undefined)).toBeUndefined();
  });
});

describe('slack payload', () => {
  it('escapes mrkdwn control characters and keeps a text fallback', () => {
    const p = buildSlackPayload(failing);
    expect(p.text).toContain(':warning:');
    expect(JSON.stringify(p.blocks)).toContain('Endpoint &lt;ep_1&gt; &amp; friends failing');
    expect(p.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
  });
  it('caps the header at 150 characters', () => {
    const p = buildSlackPayload({ ...failing, tenantSlug: 's'.repeat(100), tenantId: 't'.repeat(100) });
    const header = p.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
  });
});

describe('pagerduty event', () => {
  it('maps kinds to severities and trims the events URL', () => {
    expect(buildPagerDutyEvent(failing, 'rk')).toMatchObject({ event_action: 'trigger', payload: { severity: 'warning', source: 'periodic', group: 'ten_1' } });
    expect(buildPagerDutyEvent({ ...failing, kind: 'provisioning_failed' }, 'rk')).toMatchObject({ payload: { severity: 'error', component: 'video-provisioning' } });
    expect(buildPagerDutyRequest(failing, 'rk', 'http://127.0.0.1:9/').url).toBe('http://127.0.0.1:9/v2/enqueue');
    expect(buildPagerDutyRequest(failing, 'rk').url).toBe('https://events.pagerduty.com/v2/enqueue');
  });
  it('a resolve carries only routing_key, event_action and dedup_key', () => {
    expect(buildPagerDutyEvent({ ...failing, kind: 'recovered' }, 'rk')).toEqual({ routing_key: 'rk', event_action: 'resolve', dedup_key: failing.incidentKey });
  });
});

describe('datadog event', () => {
  it('hashes aggregation keys longer than 100 characters, stably', () => {
    const long = { ...failing, incidentKey: `endpoint:${'x'.repeat(200)}` };
    const a = buildDatadogEvent(long).aggregation_key as string;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(buildDatadogEvent(long).aggregation_key).toBe(a);
    expect(buildDatadogEvent(failing)).toMatchObject({ alert_type: 'warning', aggregation_key: failing.incidentKey });
  });
  it('posts to the default site with the API key header', () => {
    const req = buildDatadogRequest(failing, 'key');
    expect(req.url).toBe('https://api.datadoghq.com/api/v1/events');
    expect(req.headers['DD-API-KEY']).toBe('key');
  });
});

describe('generic body', () => {
  it('wraps the alert with a type, version and time', () => {
    const body = buildGenericAlertBody(failing, new Date('2026-01-01T00:00:00Z'));
    expect(body).toEqual({ type: 'periodic.alert', version: 1, sentAt: '2026-01-01T00:00:00.000Z', title: 'Webhook endpoint failing (ten_1)', alert: failing });
  });
});

describe('loadAlertSinkConfig', () => {
  it('reads the documented variables and treats empty as unset', () => {
    expect(
      loadAlertSinkConfig({
        ALERT_SLACK_WEBHOOK_URL: 'https://hooks.slack.example/services/x',
        ALERT_PAGERDUTY_ROUTING_KEY: 'rk',
        PAGERDUTY_EVENTS_URL: '',
        ALERT_DATADOG_API_KEY: ' ',
        ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      }),
    ).toEqual({ slackWebhookUrl: 'https://hooks.slack.example/services/x', pagerdutyRoutingKey: 'rk', genericWebhookUrl: 'http://127.0.0.1:9/hook' });
    expect(loadAlertSinkConfig({})).toEqual({});
  });
  it('fails loudly on a malformed URL', () => {
    expect(() => loadAlertSinkConfig({ ALERT_WEBHOOK_URL: 'ftp://x' })).toThrow(/ALERT_WEBHOOK_URL/);
  });
});
