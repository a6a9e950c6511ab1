'use client';
/** "Retry" for one failed room on /admin/video. */
import { useActionState } from 'react';
import { retryProvisioningAction } from '@/lib/video/actions/retry-provisioning-action.ts';
import { SubmitButton } from '@/components/ui/submit-button.tsx';

export function RetryProvisioningButton({ appointmentId }: { appointmentId: string }) {
  const [state, action] = useActionState(retryProvisioningAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <SubmitButton variant="secondary" size="sm">
        Retry
      </SubmitButton>
      {state && !state.ok ? <span role="alert" className="text-xs text-red-800">{state.message}</span> : null}
    </form>
  );
}
