'use server';
/** Admin actions for the tenant's headless API keys: create (shown once) and revoke. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { safeFormAction } from '@/lib/actions/safe-action.ts';
import { createApiKey, revokeApiKey, ZApiKeyLabel } from '@/lib/api/keys/manage-api-keys.ts';

/** Creates a key and returns it once; only its hash is stored. */
export const createApiKeyAction = safeFormAction({ schema: z.object({ label: ZApiKeyLabel }), roles: ['admin'] }, async (input, ctx) => {
  const created = await createApiKey(ctx.tenantId, input.label);
  revalidatePath('/admin/api-keys');
  return { key: created.key, label: created.label };
});

/** Revokes a key at once. */
export const revokeApiKeyAction = safeFormAction({ schema: z.object({ id: z.uuid() }), roles: ['admin'] }, async (input, ctx) => {
  await revokeApiKey(ctx.tenantId, input.id);
  revalidatePath('/admin/api-keys');
  return undefined;
});
