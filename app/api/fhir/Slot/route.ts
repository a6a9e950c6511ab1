/** GET /api/fhir/Slot?schedule=<resourceId>&start=<date> — free slots as a FHIR searchset Bundle. */
import { listSlots } from '../../../../lib/core/schedule/list-slots.ts';
import { fhirRoute } from '../../../../lib/api/fhir/fhir-route.ts';
import { toFhirSlot, toSearchBundle } from '../../../../lib/api/fhir/fhir-mapping.ts';
import { parseSlotSearch } from '../../../../lib/api/fhir/parse-slot-search.ts';

export const GET = fhirRoute(async ({ caller, url }) => {
  const search = parseSlotSearch(url);
  const { slots } = await listSlots(caller.tenantId, { resourceId: search.resourceId, from: search.from.toISOString(), to: search.to.toISOString() });
  return toSearchBundle(slots.map((slot) => toFhirSlot(search.resourceId, slot)));
});
