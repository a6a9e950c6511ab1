/** The shape of an appointment the core returns, and the select that produces it. */
import type { AppointmentStatusName } from './appointment-status.ts';

export interface AppointmentView {
  id: string;
  tenantId: string;
  resourceId: string;
  tokenId: string;
  status: AppointmentStatusName;
  /** "scheduled" (booked into a slot) or "on_demand" ("see a clinician now"). */
  kind: string;
  startsAt: Date;
  endsAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const APPOINTMENT_SELECT = {
  id: true,
  tenantId: true,
  resourceId: true,
  tokenId: true,
  status: true,
  kind: true,
  startsAt: true,
  endsAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
