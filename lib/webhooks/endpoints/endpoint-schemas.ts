/**
 * Input schemas and the public view of a webhook endpoint (never its secrets).
 */
import { z } from 'zod';
import { EVENT_TYPES } from '../../core/events/event-types.ts';

export const ZEndpointEventTypes = z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).default([]);

export const ZCreateEndpoint = z.object({
  url: z.string().trim().min(1).max(2048),
  description: z.string().trim().max(500).default(''),
  /** Empty = every event type. */
  eventTypes: ZEndpointEventTypes,
});
export type TCreateEndpoint = z.input<typeof ZCreateEndpoint>;

export const ZUpdateEndpoint = z.object({
  url: z.string().trim().min(1).max(2048).optional(),
  description: z.string().trim().max(500).optional(),
  eventTypes: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  enabled: z.boolean().optional(),
});
export type TUpdateEndpoint = z.input<typeof ZUpdateEndpoint>;

/** Endpoint state as shown to admins and API clients. */
export type EndpointState = 'healthy' | 'failing' | 'circuit_open' | 'disabled';

export interface EndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  state: EndpointState;
  disabledReason: string | null;
  consecutiveFailures: number;
  isPlatformReceiver: boolean;
  secretRotatingUntil: string | null;
  createdAt: string;
}

/** The row columns the view needs. */
export const ENDPOINT_VIEW_SELECT = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  state: true,
  disabledReason: true,
  consecutiveFailures: true,
  isPlatformReceiver: true,
  previousSecretUntil: true,
  createdAt: true,
} as const;

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  state: string;
  disabledReason: string | null;
  consecutiveFailures: number;
  isPlatformReceiver: boolean;
  previousSecretUntil: Date | null;
  createdAt: Date;
};

/** Maps a row to its view; a disabled endpoint always reads as "disabled". */
export function toEndpointView(row: EndpointRow, now: Date = new Date()): EndpointView {
  const state = (!row.enabled ? 'disabled' : ['healthy', 'failing', 'circuit_open'].includes(row.state) ? row.state : 'healthy') as EndpointState;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    state,
    disabledReason: row.enabled ? null : row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    isPlatformReceiver: row.isPlatformReceiver,
    secretRotatingUntil: row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
