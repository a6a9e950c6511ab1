/**
 * The event contract (DESIGN.md): types and payload. Payloads carry ids, tokens, status and
 * times only — never PHI, never video links.
 */
import { z } from 'zod';

export const EVENT_TYPES = [
  'appointment.created',
  'appointment.status.confirmed',
  'appointment.status.cancelled',
  'appointment.status.completed',
  'appointment.status.no_show',
  'appointment.rescheduled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const ZEventType = z.enum(EVENT_TYPES);

export const ZEventPayload = z
  .object({
    type: z.union([ZEventType, z.literal('webhook.test')]),
    timestamp: z.iso.datetime(),
    data: z
      .object({
        appointment_id: z.uuid(),
        tenant_id: z.uuid(),
        resource_id: z.uuid(),
        token_id: z.string().regex(/^tk_[A-Za-z0-9_-]{22,64}$/),
        status: z.enum(['pending', 'confirmed', 'cancelled', 'completed', 'no_show']),
        starts_at: z.iso.datetime(),
        ends_at: z.iso.datetime(),
      })
      .strict(),
  })
  .strict();
export type TEventPayload = z.infer<typeof ZEventPayload>;
