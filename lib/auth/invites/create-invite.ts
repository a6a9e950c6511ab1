/**
 * Admin invites a clinician or admin. The link is returned once (and, outside production,
 * printed to the server log without any personal data) — only its hash is stored. A clinician
 * invite is tied to a core resource (their bookable schedule): an existing unlinked one, or a
 * new one created here.
 */
import { z } from 'zod';
import { withCoreTenant, withIdentityTenant } from '../../db/tenant-scope.ts';
import { getConfig } from '../../config.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors/app-error.ts';
import { logger } from '../../log/logger.ts';
import { isValidTimeZone } from '../../core/availability/index.ts';
import type { SessionContext } from '../session.ts';
import { hashInviteToken, mintInviteToken } from './invite-token.ts';

export const INVITE_TTL_HOURS = 72;

export const ZCreateInvite = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin') }),
  z.object({
    role: z.literal('clinician'),
    /** Existing resource id, or "new" to create one from label + timeZone. */
    resourceId: z.union([z.literal('new'), z.uuid()]).default('new'),
    label: z.string().trim().max(120).optional(),
    timeZone: z.string().trim().max(64).optional(),
  }),
]);
export type TCreateInvite = z.infer<typeof ZCreateInvite>;

export interface CreatedInvite {
  inviteId: string;
  link: string;
  expiresAt: Date;
}

async function resolveClinicianResource(ctx: SessionContext, input: Extract<TCreateInvite, { role: 'clinician' }>): Promise<string> {
  if (input.resourceId !== 'new') {
    const exists = await withCoreTenant(ctx.tenantId, (tx) => tx.resource.findFirst({ where: { id: input.resourceId, tenantId: ctx.tenantId }, select: { id: true } }));
    if (!exists) {
      throw new AppError('NOT_FOUND', 'That schedule does not exist.', { fieldErrors: { resourceId: ['Pick a schedule from the list.'] } });
    }
    const linked = await withIdentityTenant(ctx.tenantId, (tx) => tx.user.findFirst({ where: { tenantId: ctx.tenantId, resourceId: input.resourceId }, select: { id: true } }));
    if (linked) {
      throw new AppError('CONFLICT', 'That schedule already belongs to a clinician.', { fieldErrors: { resourceId: ['Already linked to a clinician.'] } });
    }
    return input.resourceId;
  }
  const label = input.label?.trim();
  if (!label) {
    throw new AppError('BAD_REQUEST', 'Name the new schedule.', { fieldErrors: { label: ['Enter the label patients will see, e.g. “Dr. Lee — Pediatrics”.'] } });
  }
  const timeZone = input.timeZone || 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw new AppError('BAD_REQUEST', 'Choose a valid time zone.', { fieldErrors: { timeZone: ['Unknown time zone.'] } });
  }
  const created = await withCoreTenant(ctx.tenantId, (tx) =>
    tx.resource.create({ data: { tenantId: ctx.tenantId, label, timeZone, visitMinutes: 30, bufferMinutes: 0 }, select: { id: true } }),
  );
  return created.id;
}

/** Creates an invite; `ctx` must be an admin of the tenant (checked again here). */
export async function createInvite(ctx: SessionContext, input: TCreateInvite): Promise<CreatedInvite> {
  if (ctx.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins can invite.');
  }
  const data = ZCreateInvite.parse(input);
  const resourceId = data.role === 'clinician' ? await resolveClinicianResource(ctx, data) : null;
  const token = mintInviteToken(ctx.tenantId);
  const expiresAt = new Date(Date.now() + INVITE_TTL_HOURS * 3600_000);
  const invite = await withIdentityTenant(ctx.tenantId, async (tx) => {
    const row = await tx.invite.create({
      data: { tenantId: ctx.tenantId, role: data.role, tokenHash: hashInviteToken(token), resourceId, createdBy: ctx.userId, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'user.invited', targetType: 'invite', targetId: row.id,
      metadata: { role: data.role, resourceId },
    });
    return row;
  });
  const link = `${getConfig().APP_URL.replace(/\/$/, '')}/invite/${token}`;
  if (getConfig().PERIODIC_ENV !== 'production') {
    // Dev convenience asked for by operators without mail set up: the link, role and id only.
    logger.info({ event: 'invite_created', inviteId: invite.id, role: data.role, inviteLink: link }, 'invite link (development only)');
  }
  return { inviteId: invite.id, link, expiresAt };
}
