/** Core views → the API's snake_case JSON. */
import type { AppointmentView } from '../core/appointments/appointment-view.ts';
import type { EventView } from '../core/events/list-events.ts';
import type { ResourceView } from '../core/resources/resource-schemas.ts';
import type { AvailabilityView } from '../core/schedule/availability-schemas.ts';
import type { SlotList } from '../core/schedule/list-slots.ts';
import type { z } from 'zod';
import type { ZCreateResourceBody } from './schemas.ts';

/** Appointment JSON. */
export function serializeAppointment(a: AppointmentView) {
  return {
    id: a.id,
    resource_id: a.resourceId,
    token_id: a.tokenId,
    status: a.status,
    kind: a.kind,
    starts_at: a.startsAt.toISOString(),
    ends_at: a.endsAt.toISOString(),
    version: a.version,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

/** Resource JSON. */
export function serializeResource(r: ResourceView) {
  return {
    id: r.id,
    label: r.label,
    time_zone: r.timeZone,
    visit_minutes: r.visitMinutes,
    buffer_minutes: r.bufferMinutes,
    on_call: r.onCall,
    active: r.active,
    created_at: r.createdAt.toISOString(),
  };
}

/** The API's snake_case resource fields (create or update body), as the core's camelCase input. */
export function resourceFieldsFromApi<T extends Partial<z.infer<typeof ZCreateResourceBody>>>(input: T) {
  return {
    label: input.label as T['label'],
    timeZone: input.time_zone as T['time_zone'],
    visitMinutes: input.visit_minutes,
    bufferMinutes: input.buffer_minutes,
    onCall: input.on_call,
    active: input.active,
  };
}

/** Availability JSON. */
export function serializeAvailability(a: AvailabilityView) {
  return {
    resource_id: a.resourceId,
    rules: a.rules.map((r) => ({ weekday: r.weekday, start_minute: r.startMinute, end_minute: r.endMinute })),
    exceptions: a.exceptions.map((e) => ({ date: e.date, kind: e.kind, start_minute: e.startMinute, end_minute: e.endMinute })),
  };
}

/** Slot list JSON. */
export function serializeSlotList(s: SlotList) {
  return {
    resource_id: s.resource.id,
    time_zone: s.timeZone,
    slots: s.slots.map((slot) => ({ starts_at: slot.startsAt.toISOString(), ends_at: slot.endsAt.toISOString(), label: slot.label })),
  };
}

/** Event JSON. */
export function serializeEvent(e: EventView) {
  return { id: e.id, type: e.type, appointment_id: e.appointmentId, created_at: e.createdAt.toISOString(), payload: e.payload };
}
