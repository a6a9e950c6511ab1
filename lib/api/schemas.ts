/**
 * The headless API's wire schemas (snake_case JSON). One source for request validation and for
 * the OpenAPI document (zod-openapi reads the `.meta()` ids and descriptions).
 */
import 'zod-openapi';
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../core/appointments/appointment-status.ts';
import { ZTimeZone } from '../core/availability/schemas.ts';
import { EVENT_TYPES } from '../core/events/event-types.ts';
import { ZTokenId } from '../core/ids.ts';
import { PAGE_SIZE_MAX } from '../core/pagination/cursor.ts';

// Bounded: the slot engine's calendar arithmetic cannot step past year 9999 (a 9999-12-31 start
// answered 500; found by e2e/security/api-fuzz.spec.ts).
const INSTANT_MIN_MS = Date.UTC(1970, 0, 1);
const INSTANT_MAX_MS = Date.UTC(9000, 0, 1);
const ZInstant = z.iso
  .datetime({ offset: true })
  // zod runs refinements after a failed format check too; leave unparseable input to that check.
  .refine((s) => {
    const t = Date.parse(s);
    return Number.isNaN(t) || (t >= INSTANT_MIN_MS && t < INSTANT_MAX_MS);
  }, { message: 'date-time must lie between 1970 and 9000' })
  .meta({ description: 'ISO 8601 date-time with Z or an offset (years 1970–8999)', example: '2026-03-09T14:00:00Z' });
const ZUuid = z.uuid();
const ZToken = ZTokenId.meta({ description: 'Opaque patient token (tk_…); never a name or contact detail', example: 'tk_3q2x9hZk4s1mB7cP0aLwYd' });
const ZLimit = z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).optional().meta({ description: `Page size (1-${PAGE_SIZE_MAX}, default 50)` });
const ZCursorParam = z.string().max(500).optional().meta({ description: 'Opaque cursor from next_cursor of the previous page' });

// ---- responses ----

export const ZApiAppointment = z
  .object({
    id: ZUuid,
    resource_id: ZUuid,
    token_id: ZToken,
    status: z.enum(APPOINTMENT_STATUSES),
    kind: z.enum(['scheduled', 'on_demand']),
    starts_at: z.iso.datetime(),
    ends_at: z.iso.datetime(),
    version: z.int().meta({ description: 'Incremented on every change' }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Appointment' });

export const ZApiResource = z
  .object({
    id: ZUuid,
    label: z.string(),
    time_zone: z.string().meta({ description: 'IANA time zone of the weekly hours', example: 'America/New_York' }),
    visit_minutes: z.int(),
    buffer_minutes: z.int(),
    on_call: z.boolean().meta({ description: 'Takes on-demand ("see a clinician now") visits' }),
    active: z.boolean(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Resource' });

const ZApiWeeklyRule = z
  .object({
    weekday: z.int().min(0).max(6).meta({ description: '0 = Sunday … 6 = Saturday (resource-local)' }),
    start_minute: z.int().min(0).max(1439).meta({ description: 'Minutes after local midnight' }),
    end_minute: z.int().min(1).max(1440).meta({ description: 'Exclusive; may be 1440' }),
  })
  .meta({ id: 'WeeklyRule' });

const ZApiException = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'Resource-local date', example: '2026-12-24' }),
    kind: z.enum(['off', 'extra']).meta({ description: 'off removes hours (whole day when minutes are null); extra adds hours' }),
    start_minute: z.int().min(0).max(1439).nullable(),
    end_minute: z.int().min(1).max(1440).nullable(),
  })
  .meta({ id: 'AvailabilityException' });

export const ZApiAvailability = z
  .object({ resource_id: ZUuid, rules: z.array(ZApiWeeklyRule), exceptions: z.array(ZApiException) })
  .meta({ id: 'Availability' });

export const ZApiSlot = z
  .object({ starts_at: z.iso.datetime(), ends_at: z.iso.datetime(), label: z.string().meta({ description: 'Human label in the requested time zone' }) })
  .meta({ id: 'Slot' });

export const ZApiSlotList = z.object({ resource_id: ZUuid, time_zone: z.string(), slots: z.array(ZApiSlot) }).meta({ id: 'SlotList' });

export const ZApiEvent = z
  .object({
    id: z.string().meta({ example: 'evt_Q2hlY2sgdGhlIGRvY3M' }),
    type: z.enum(EVENT_TYPES),
    appointment_id: ZUuid.nullable(),
    created_at: z.iso.datetime(),
    payload: z.object({}).loose().meta({ description: 'The webhook payload: { type, timestamp, data: { appointment_id, tenant_id, resource_id, token_id, status, starts_at, ends_at } }' }),
  })
  .meta({ id: 'Event' });

export const ZApiProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    reason: z.string().optional().meta({ description: 'Machine-readable reason: slot_taken, illegal_transition, not_a_slot, beyond_horizon (more than 730 days ahead), cutoff_passed, nobody_available, idempotency_mismatch, …' }),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

export const listOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() }).meta({ id });

export const ZApiAppointmentList = listOf(ZApiAppointment, 'AppointmentList');
export const ZApiEventList = listOf(ZApiEvent, 'EventList');
export const ZApiResourceList = z.object({ data: z.array(ZApiResource) }).meta({ id: 'ResourceList' });

// ---- requests ----

export const ZCreateAppointmentBody = z
  .object({ resource_id: ZUuid, token_id: ZToken, starts_at: ZInstant })
  .strict()
  .meta({ id: 'CreateAppointment' });

export const ZOnDemandBody = z.object({ token_id: ZToken }).strict().meta({ id: 'CreateOnDemandAppointment' });

export const ZRescheduleBody = z.object({ starts_at: ZInstant }).strict().meta({ id: 'RescheduleAppointment' });

export const ZEmptyBody = z.object({}).strict().meta({ id: 'EmptyBody' });

export const ZCreateResourceBody = z
  .object({
    label: z.string().trim().min(1).max(200),
    time_zone: ZTimeZone,
    visit_minutes: z.int().min(5).max(480).optional(),
    buffer_minutes: z.int().min(0).max(240).optional(),
    on_call: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'CreateResource' });

export const ZUpdateResourceBody = ZCreateResourceBody.partial().strict().meta({ id: 'UpdateResource' });

export const ZPutAvailabilityBody = z
  .object({ rules: z.array(ZApiWeeklyRule).max(100), exceptions: z.array(ZApiException).max(500) })
  .strict()
  .meta({ id: 'PutAvailability' });

export const ZSlotsQuery = z.object({
  resource_id: ZUuid,
  from: ZInstant,
  to: ZInstant.meta({ description: 'Exclusive end; at most 31 days after from' }),
  tz: ZTimeZone.optional().meta({ description: "Viewer's IANA zone for labels (default: the resource's)" }),
});

export const ZAppointmentsQuery = z.object({
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  resource_id: ZUuid.optional(),
  token_id: ZToken.optional(),
  from: ZInstant.optional().meta({ description: 'Starting at or after' }),
  to: ZInstant.optional().meta({ description: 'Starting before' }),
  cursor: ZCursorParam,
  limit: ZLimit,
});

export const ZEventsQuery = z.object({
  type: z.enum(EVENT_TYPES).optional(),
  appointment_id: ZUuid.optional(),
  cursor: ZCursorParam,
  limit: ZLimit,
});

export const ZIdParams = z.object({ id: ZUuid.meta({ description: 'Object id' }) });
