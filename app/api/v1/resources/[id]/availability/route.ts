/** GET/PUT /api/v1/resources/{id}/availability — weekly rules and date exceptions (PUT replaces all). */
import { getAvailability } from '../../../../../../lib/core/schedule/get-availability.ts';
import { putAvailability } from '../../../../../../lib/core/schedule/put-availability.ts';
import { apiRoute } from '../../../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../../../lib/api/problem.ts';
import { ZPutAvailabilityBody } from '../../../../../../lib/api/schemas.ts';
import { serializeAvailability } from '../../../../../../lib/api/serialize.ts';

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 200, body: serializeAvailability(await getAvailability(caller.tenantId, params.id)) };
});

export const PUT = apiRoute<{ id: string }>(async ({ caller, params, body }) => {
  const input = parseOrThrow(ZPutAvailabilityBody, body, 'availability');
  const saved = await putAvailability(caller.tenantId, params.id, {
    rules: input.rules.map((r) => ({ weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute })),
    exceptions: input.exceptions.map((e) => ({ date: e.date, kind: e.kind, startMinute: e.start_minute, endMinute: e.end_minute })),
  });
  return { status: 200, body: serializeAvailability(saved) };
});
