/**
 * Slack incoming-webhook sink: Block Kit message with a plain `text` fallback (used for
 * notifications and by clients that cannot render blocks).
 */
import { alertFacts, titleForAlert, type AlertMessage, type SinkRequest } from './alert-message.ts';

const EMOJI: Record<AlertMessage['kind'], string> = {
  dead_letter: ':rotating_light:',
  failing: ':warning:',
  recovered: ':white_check_mark:',
  provisioning_failed: ':rotating_light:',
};

/** Slack mrkdwn treats &, < and > as control characters; everything else is literal. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Builds the Block Kit payload `{ text, blocks }` for one alert. */
export function buildSlackPayload(alert: AlertMessage): { text: string; blocks: unknown[] } {
  const title = `${EMOJI[alert.kind]} ${titleForAlert(alert)}`;
  const facts = alertFacts(alert);
  const blocks: unknown[] = [
    // Header blocks take plain text up to 150 characters.
    { type: 'header', text: { type: 'plain_text', text: truncate(title, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(alert.summary), 3000) } },
  ];
  if (facts.length > 0) {
    blocks.push({
      type: 'section',
      // A section holds at most 10 fields of at most 2000 characters.
      fields: facts.slice(0, 10).map(([label, value]) => ({
        type: 'mrkdwn',
        text: truncate(`*${label}*\n${escapeMrkdwn(value)}`, 2000),
      })),
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Periodic · ${alert.kind} · incident \`${escapeMrkdwn(alert.incidentKey)}\`` }],
  });
  return { text: truncate(`${title}: ${alert.summary}`, 3000), blocks };
}

/** The POST to the configured incoming-webhook URL. */
export function buildSlackRequest(alert: AlertMessage, webhookUrl: string): SinkRequest {
  return {
    url: webhookUrl,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(buildSlackPayload(alert)),
  };
}
