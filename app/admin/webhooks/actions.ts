'use server';
/**
 * Admin server actions for webhook endpoints, deliveries and replay. Every action goes through
 * safeFormAction with roles ['admin'] (session + role checked on the server) and calls the same
 * lib/webhooks use-cases as the API, scoped to the admin's own tenant.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { safeFormAction, type ActionResult } from '@/lib/actions/safe-action.ts';
import { EVENT_TYPES } from '@/lib/core/events/event-types.ts';
import { createEndpoint, deleteEndpoint, rotateEndpointSecret, setEndpointEnabled } from '@/lib/webhooks/endpoints/manage-endpoints.ts';
import { sendTestEvent } from '@/lib/webhooks/endpoints/send-test-event.ts';
import { replayDelivery, replayEndpointDeadLetters, replayWindow } from '@/lib/webhooks/replay/replay-deliveries.ts';

const admin = { roles: ['admin'] as const };
const ZEventTypeList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(EVENT_TYPES)));

function refresh(): void {
  revalidatePath('/admin/webhooks');
  revalidatePath('/admin/deliveries');
}

const create = safeFormAction(
  { ...admin, schema: z.object({ url: z.string().trim().min(1, 'Enter the endpoint URL'), description: z.string().trim().max(500).default(''), eventTypes: ZEventTypeList }) },
  async (input, ctx) => {
    const { endpoint, secret } = await createEndpoint(ctx.tenantId, input);
    refresh();
    return { endpointId: endpoint.id, secret };
  },
);
/** Registers an endpoint; the result carries the secret, shown once. */
export async function createEndpointAction(prev: unknown, form: FormData): Promise<ActionResult<{ endpointId: string; secret: string }>> {
  return create(prev, form);
}

const ZEndpointId = z.object({ endpointId: z.uuid() });

const toggle = safeFormAction({ ...admin, schema: ZEndpointId.extend({ enabled: z.enum(['true', 'false']) }) }, async (input, ctx) => {
  await setEndpointEnabled(ctx.tenantId, input.endpointId, input.enabled === 'true');
  refresh();
  return undefined;
});
/** Enables or disables an endpoint. */
export async function toggleEndpointAction(prev: unknown, form: FormData): Promise<ActionResult> {
  return toggle(prev, form);
}

const test = safeFormAction({ ...admin, schema: ZEndpointId }, async (input, ctx) => {
  await sendTestEvent(ctx.tenantId, input.endpointId);
  refresh();
  return undefined;
});
/** Sends a synthetic webhook.test event to the endpoint. */
export async function sendTestEventAction(prev: unknown, form: FormData): Promise<ActionResult> {
  return test(prev, form);
}

const rotate = safeFormAction({ ...admin, schema: ZEndpointId }, async (input, ctx) => {
  const { secret, previousValidUntil } = await rotateEndpointSecret(ctx.tenantId, input.endpointId);
  refresh();
  return { secret, previousValidUntil };
});
/** Rotates the signing secret; the new one is shown once. */
export async function rotateSecretAction(prev: unknown, form: FormData): Promise<ActionResult<{ secret: string; previousValidUntil: string }>> {
  return rotate(prev, form);
}

const remove = safeFormAction({ ...admin, schema: ZEndpointId }, async (input, ctx) => {
  await deleteEndpoint(ctx.tenantId, input.endpointId);
  refresh();
  return undefined;
});
/** Deletes an endpoint (its delivery history stays). */
export async function deleteEndpointAction(prev: unknown, form: FormData): Promise<ActionResult> {
  return remove(prev, form);
}

const replayDead = safeFormAction({ ...admin, schema: ZEndpointId }, async (input, ctx) => {
  const n = await replayEndpointDeadLetters(ctx.tenantId, input.endpointId);
  refresh();
  return { replayed: n };
});
/** Replays every dead letter of an endpoint. */
export async function replayEndpointDeadLettersAction(prev: unknown, form: FormData): Promise<ActionResult<{ replayed: number }>> {
  return replayDead(prev, form);
}

const replayOne = safeFormAction({ ...admin, schema: z.object({ deliveryId: z.uuid() }) }, async (input, ctx) => {
  await replayDelivery(ctx.tenantId, input.deliveryId);
  refresh();
  revalidatePath(`/admin/deliveries/${input.deliveryId}`);
  return { replayed: 1 };
});
/** Replays one delivery (same idempotency key). */
export async function replayDeliveryAction(prev: unknown, form: FormData): Promise<ActionResult<{ replayed: number }>> {
  return replayOne(prev, form);
}

const replayRange = safeFormAction(
  { ...admin, schema: z.object({ from: z.string().min(1), to: z.string().min(1), endpointId: z.union([z.uuid(), z.literal('')]).optional() }) },
  async (input, ctx) => {
    const n = await replayWindow(ctx.tenantId, {
      from: new Date(`${input.from}Z`),
      to: new Date(`${input.to}Z`),
      ...(input.endpointId ? { endpointId: input.endpointId } : {}),
    });
    refresh();
    return { replayed: n };
  },
);
/** Replays the dead letters created in a UTC time window. */
export async function replayWindowAction(prev: unknown, form: FormData): Promise<ActionResult<{ replayed: number }>> {
  return replayRange(prev, form);
}
