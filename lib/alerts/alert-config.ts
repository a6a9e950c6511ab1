/**
 * Reads the alert sinks from the environment (names fixed in DESIGN.md). Empty values count as
 * unset so `ALERT_SLACK_WEBHOOK_URL=` in a .env file disables the sink rather than breaking it.
 */
import { z } from 'zod';
import type { AlertSinkConfig } from './alert-message.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

const ZAlertEnv = z.object({
  ALERT_SLACK_WEBHOOK_URL: optionalUrl,
  ALERT_PAGERDUTY_ROUTING_KEY: optionalText,
  PAGERDUTY_EVENTS_URL: optionalUrl,
  ALERT_DATADOG_API_KEY: optionalText,
  DATADOG_API_URL: optionalUrl,
  ALERT_WEBHOOK_URL: optionalUrl,
});

/**
 * @throws ZodError naming the variable when a URL variable is set but not an http(s) URL
 */
export function loadAlertSinkConfig(env: Record<string, string | undefined> = process.env): AlertSinkConfig {
  const parsed = ZAlertEnv.parse(env);
  const config: AlertSinkConfig = {
    slackWebhookUrl: parsed.ALERT_SLACK_WEBHOOK_URL,
    pagerdutyRoutingKey: parsed.ALERT_PAGERDUTY_ROUTING_KEY,
    pagerdutyEventsUrl: parsed.PAGERDUTY_EVENTS_URL,
    datadogApiKey: parsed.ALERT_DATADOG_API_KEY,
    datadogApiUrl: parsed.DATADOG_API_URL,
    genericWebhookUrl: parsed.ALERT_WEBHOOK_URL,
  };
  // Drop unset keys so the result compares cleanly and spreads without undefined overrides.
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as AlertSinkConfig;
}
