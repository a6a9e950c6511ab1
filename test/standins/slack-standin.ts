/**
 * Stand-in for a Slack incoming webhook: POST JSON with a non-empty `text` or `blocks` →
 * 200 `ok` (text/plain); anything else → 400 `invalid_payload`, as Slack answers.
 */
import {
  isRecord,
  startAlertStandinServer,
  type AlertStandin,
  type AlertStandinOptions,
} from './alert-standin-server.ts';

/** `url` is the full incoming-webhook URL to configure as slackWebhookUrl. */
export function startSlackStandin(options: AlertStandinOptions = {}): Promise<AlertStandin> {
  return startAlertStandinServer(
    ({ method, body }) => {
      if (method !== 'POST') {
        return { status: 405, body: 'invalid_method' };
      }
      if (!isRecord(body)) {
        return { status: 400, body: 'invalid_payload' };
      }
      const hasText = typeof body.text === 'string' && body.text.trim() !== '';
      const hasBlocks = Array.isArray(body.blocks) && body.blocks.length > 0;
      if (!hasText && !hasBlocks) {
        return { status: 400, body: 'invalid_payload' };
      }
      if (hasBlocks && !(body.blocks as unknown[]).every((b) => isRecord(b) && typeof b.type === 'string')) {
        return { status: 400, body: 'invalid_blocks' };
      }
      return { status: 200, body: 'ok' };
    },
    options,
    '/services/T00000000/B00000000/standinstandinstandin',
  );
}
