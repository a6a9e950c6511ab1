'use server';
/** Admin: re-run provisioning of a failed room (enqueues video.provision; idempotent). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { safeFormAction, type ActionResult } from '../../actions/safe-action.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { withIdentityTenant } from '../../db/tenant-scope.ts';
import { getBoss } from '../../jobs/boss.ts';

const retry = safeFormAction({ schema: z.object({ appointmentId: z.uuid() }), roles: ['admin'] }, async (input, ctx) => {
  // Only rooms of the admin's own tenant (RLS scope + explicit tenant filter).
  const updated = await withIdentityTenant(ctx.tenantId, (tx) =>
    tx.videoRoom.updateMany({ where: { tenantId: ctx.tenantId, appointmentId: input.appointmentId, status: 'failed' }, data: { status: 'provisioning' } }),
  );
  if (updated.count === 1) {
    const boss = await getBoss();
    await boss.send('video.provision', { tenantId: ctx.tenantId, appointmentId: input.appointmentId });
    await recordAudit(null, { tenantId: ctx.tenantId, actorUserId: ctx.userId, actorRole: ctx.role, action: 'video.provision_retried', targetType: 'appointment', targetId: input.appointmentId });
  }
  revalidatePath('/admin/video');
  return undefined;
});

/** Form action of the "Retry" button on /admin/video. */
export async function retryProvisioningAction(prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return retry(prev, form);
}
