/** POST /api/v1/deliveries/replay {from, to, endpointId?, statuses?} — replay a time window (default: dead letters). */
import { apiRoute } from '../../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../../lib/api/problem.ts';
import { replayWindow, ZReplayWindow } from '../../../../../lib/webhooks/replay/replay-deliveries.ts';

export const POST = apiRoute(async ({ caller, body }) => {
  const input = parseOrThrow(ZReplayWindow, body, 'body');
  return { status: 202, body: { replayed: await replayWindow(caller.tenantId, input) } };
});
