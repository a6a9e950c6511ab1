/**
 * Endpoint use cases shared by the admin dashboard (server actions) and the tenant API:
 * register, list, read, update, enable/disable, rotate the secret, delete. Each runs in its own
 * tenant-scoped core transaction; the tenant comes from the caller's authenticated context.
 */
import { randomUUID } from 'node:crypto';
import { getConfig } from '../../config.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { sealEndpointSecret } from '../delivery/endpoint-secrets.ts';
import { generateWebhookSecret } from '../signature.ts';
import { checkEndpointUrl } from './check-endpoint-url.ts';
import {
  ENDPOINT_VIEW_SELECT,
  toEndpointView,
  ZCreateEndpoint,
  ZUpdateEndpoint,
  type EndpointView,
  type TCreateEndpoint,
  type TUpdateEndpoint,
} from './endpoint-schemas.ts';

/**
 * Registers an endpoint. The `whsec_` secret is returned here once and only stored sealed.
 *
 * @throws AppError UNPROCESSABLE for an unsafe or malformed URL; ZodError for bad input
 */
export async function createEndpoint(
  tenantId: string,
  input: TCreateEndpoint,
  opts: { isPlatformReceiver?: boolean } = {},
): Promise<{ endpoint: EndpointView; secret: string }> {
  const parsed = ZCreateEndpoint.parse(input);
  const url = await checkEndpointUrl(parsed.url);
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const row = await withCoreTenant(tenantId, (tx) =>
    tx.webhookEndpoint.create({
      data: {
        id,
        tenantId,
        url,
        description: parsed.description,
        eventTypes: parsed.eventTypes,
        secretEnc: sealEndpointSecret(id, secret),
        isPlatformReceiver: opts.isPlatformReceiver ?? false,
      },
      select: ENDPOINT_VIEW_SELECT,
    }),
  );
  return { endpoint: toEndpointView(row), secret };
}

/** Every endpoint of the tenant, newest first. */
export async function listEndpoints(tenantId: string): Promise<EndpointView[]> {
  const rows = await withCoreTenant(tenantId, (tx) =>
    tx.webhookEndpoint.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: ENDPOINT_VIEW_SELECT }),
  );
  return rows.map((r) => toEndpointView(r));
}

/** @throws AppError NOT_FOUND */
export async function getEndpoint(tenantId: string, endpointId: string): Promise<EndpointView> {
  const row = await withCoreTenant(tenantId, (tx) => tx.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId }, select: ENDPOINT_VIEW_SELECT }));
  if (!row) {
    throw new AppError('NOT_FOUND', 'Webhook endpoint not found.');
  }
  return toEndpointView(row);
}

/**
 * Changes URL, description, filter or enabled flag. Re-enabling resets the health state; an
 * admin disable records the reason.
 *
 * @throws AppError NOT_FOUND, UNPROCESSABLE
 */
export async function updateEndpoint(tenantId: string, endpointId: string, input: TUpdateEndpoint): Promise<EndpointView> {
  const parsed = ZUpdateEndpoint.parse(input);
  const url = parsed.url === undefined ? undefined : await checkEndpointUrl(parsed.url);
  return withCoreTenant(tenantId, async (tx) => {
    const existing = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId }, select: { id: true, enabled: true, isPlatformReceiver: true } });
    if (!existing) {
      throw new AppError('NOT_FOUND', 'Webhook endpoint not found.');
    }
    if (existing.isPlatformReceiver && url !== undefined) {
      // Its URL is operator config (APP_URL); letting it change would bypass the SSRF guard.
      throw new AppError('CONFLICT', 'The platform receiver URL is managed by the platform.');
    }
    const enabling = parsed.enabled === true && !existing.enabled;
    const disabling = parsed.enabled === false && existing.enabled;
    const row = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: {
        ...(url !== undefined ? { url } : {}),
        ...(parsed.description !== undefined ? { description: parsed.description } : {}),
        ...(parsed.eventTypes !== undefined ? { eventTypes: parsed.eventTypes } : {}),
        ...(enabling
          ? { enabled: true, state: 'healthy', disabledReason: null, consecutiveFailures: 0, circuitOpenedAt: null, circuitProbeUntil: null }
          : {}),
        ...(disabling ? { enabled: false, state: 'disabled', disabledReason: 'admin' } : {}),
      },
      select: ENDPOINT_VIEW_SELECT,
    });
    return toEndpointView(row);
  });
}

/** Enables or disables an endpoint (shortcut for updateEndpoint). */
export async function setEndpointEnabled(tenantId: string, endpointId: string, enabled: boolean): Promise<EndpointView> {
  return updateEndpoint(tenantId, endpointId, { enabled });
}

/**
 * Issues a new secret, shown once. For WEBHOOK_SECRET_OVERLAP_HOURS the old secret keeps signing
 * too (both signatures are sent, space-separated) so receivers can switch without dropping events.
 *
 * @throws AppError NOT_FOUND
 */
export async function rotateEndpointSecret(tenantId: string, endpointId: string): Promise<{ secret: string; previousValidUntil: string }> {
  const overlapMs = getConfig().WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000;
  const secret = generateWebhookSecret();
  const until = new Date(Date.now() + overlapMs);
  await withCoreTenant(tenantId, async (tx) => {
    const existing = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId }, select: { secretEnc: true } });
    if (!existing) {
      throw new AppError('NOT_FOUND', 'Webhook endpoint not found.');
    }
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secretEnc: sealEndpointSecret(endpointId, secret), previousSecretEnc: existing.secretEnc, previousSecretUntil: until },
    });
  });
  return { secret, previousValidUntil: until.toISOString() };
}

/**
 * Deletes an endpoint. Its delivery history stays (the log and metrics keep their meaning);
 * queued attempts find the endpoint gone and cancel themselves.
 *
 * @throws AppError NOT_FOUND
 */
export async function deleteEndpoint(tenantId: string, endpointId: string): Promise<void> {
  const deleted = await withCoreTenant(tenantId, (tx) => tx.webhookEndpoint.deleteMany({ where: { id: endpointId, tenantId } }));
  if (deleted.count === 0) {
    throw new AppError('NOT_FOUND', 'Webhook endpoint not found.');
  }
}
