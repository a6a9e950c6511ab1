/**
 * Accepting an invite: the invitee chooses their name, email and password. The invite is
 * claimed with a conditional update (used_at IS NULL), so a link works exactly once.
 */
import { z } from 'zod';
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { loadTenantKeys } from '../../identity/tenant-keys.ts';
import { emailIndex, sealPhi } from '../../identity/phi-fields.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors/app-error.ts';
import { hashPassword } from '../password.ts';
import { checkPasswordPolicy, PASSWORD_PROBLEM_MESSAGES } from '../password-policy.ts';
import { hashInviteToken, tenantIdFromInviteToken } from './invite-token.ts';
import type { Role } from '../roles.ts';

export const ZAcceptInvite = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, 'Enter your name').max(200),
  email: z.email('Enter a valid email address').max(254),
  password: z.string().max(1024),
});
export type TAcceptInvite = z.infer<typeof ZAcceptInvite>;

const INVALID = 'This invite link is not valid any more. Ask your admin for a new one.';

export interface InvitePreview {
  role: Role;
  tenantSlug: string;
  expiresAt: Date;
}

async function tenantSlug(tx: Parameters<Parameters<typeof withIdentityTenant>[1]>[0], tenantId: string): Promise<string> {
  const t = await tx.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
  return t?.slug ?? '';
}

/** What an invite link is for, or null if unknown, used or expired. */
export async function previewInvite(token: string): Promise<InvitePreview | null> {
  const tenantId = tenantIdFromInviteToken(token);
  if (!tenantId) {
    return null;
  }
  return withIdentityTenant(tenantId, async (tx) => {
    const invite = await tx.invite.findFirst({ where: { tenantId, tokenHash: hashInviteToken(token), usedAt: null, expiresAt: { gt: new Date() } }, select: { role: true, expiresAt: true } });
    return invite ? { role: invite.role, expiresAt: invite.expiresAt, tenantSlug: await tenantSlug(tx, tenantId) } : null;
  });
}

/** Creates the invited account; returns its tenant slug (for the sign-in form). */
export async function acceptInvite(input: TAcceptInvite): Promise<{ userId: string; tenantSlug: string }> {
  const data = ZAcceptInvite.parse(input);
  const problem = checkPasswordPolicy(data.password, { email: data.email });
  if (problem) {
    throw new AppError('BAD_REQUEST', 'Choose a stronger password.', { fieldErrors: { password: [PASSWORD_PROBLEM_MESSAGES[problem]] } });
  }
  const tenantId = tenantIdFromInviteToken(data.token);
  if (!tenantId) {
    throw new AppError('NOT_FOUND', INVALID);
  }
  const passwordHash = await hashPassword(data.password);
  return withIdentityTenant(tenantId, async (tx) => {
    const tokenHash = hashInviteToken(data.token);
    const invite = await tx.invite.findFirst({ where: { tenantId, tokenHash }, select: { id: true, role: true, resourceId: true, usedAt: true, expiresAt: true } });
    if (!invite || invite.usedAt || invite.expiresAt <= new Date()) {
      throw new AppError('NOT_FOUND', INVALID);
    }
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) {
      throw new AppError('NOT_FOUND', INVALID);
    }
    const keys = await loadTenantKeys(tx, tenantId);
    const bidx = emailIndex(keys, data.email);
    if (await tx.user.findFirst({ where: { tenantId, emailBidx: bidx }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'An account with this email already exists in this clinic.', { fieldErrors: { email: ['Use another email, or sign in with the existing account.'] } });
    }
    const user = await tx.user.create({
      data: {
        tenantId, role: invite.role, emailBidx: bidx, passwordHash, resourceId: invite.resourceId,
        emailEnc: sealPhi(keys, 'user.email', data.email.trim()), nameEnc: sealPhi(keys, 'user.name', data.name),
      },
      select: { id: true },
    });
    await recordAudit(tx, { tenantId, actorUserId: user.id, actorRole: invite.role, action: 'user.invite_accepted', targetType: 'invite', targetId: invite.id });
    return { userId: user.id, tenantSlug: await tenantSlug(tx, tenantId) };
  });
}
