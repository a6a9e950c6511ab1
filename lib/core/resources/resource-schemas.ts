/**
 * zod schemas of a bookable resource (a clinician's schedule) at the API / action boundary.
 */
import { z } from 'zod';
import { ZTimeZone } from '../availability/schemas.ts';

export const ZResourceFields = z.object({
  label: z.string().trim().min(1).max(200),
  timeZone: ZTimeZone,
  visitMinutes: z.int().min(5).max(480),
  bufferMinutes: z.int().min(0).max(240),
  onCall: z.boolean(),
  active: z.boolean(),
});

/** Creating a resource: label and zone required; the rest default (30-min visits, no buffer). */
export const ZCreateResource = ZResourceFields.partial({ visitMinutes: true, bufferMinutes: true, onCall: true, active: true });
export type TCreateResource = z.infer<typeof ZCreateResource>;

/** Updating a resource: any subset of fields. */
export const ZUpdateResource = ZResourceFields.partial();
export type TUpdateResource = z.infer<typeof ZUpdateResource>;

/** A resource as the core returns it. */
export interface ResourceView {
  id: string;
  tenantId: string;
  label: string;
  timeZone: string;
  visitMinutes: number;
  bufferMinutes: number;
  onCall: boolean;
  active: boolean;
  createdAt: Date;
}

export const RESOURCE_SELECT = {
  id: true,
  tenantId: true,
  label: true,
  timeZone: true,
  visitMinutes: true,
  bufferMinutes: true,
  onCall: true,
  active: true,
  createdAt: true,
} as const;
