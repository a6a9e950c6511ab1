'use client';
/** Replays the dead letters created in a UTC time window (optionally of one endpoint). */
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { replayWindowAction } from '../actions.ts';

export function ReplayWindowForm({ endpointId }: { endpointId?: string }) {
  const [state, action] = useActionState(replayWindowAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="endpointId" value={endpointId ?? ''} />
      <Field name="from" label="From (UTC)" type="datetime-local" required />
      <Field name="to" label="To (UTC)" type="datetime-local" required />
      <SubmitButton variant="secondary">Replay window</SubmitButton>
      {state?.ok ? <Alert variant="success" title={`${state.data.replayed} replayed`} /> : null}
      {state && !state.ok ? <Alert variant="error" title={state.message} /> : null}
    </form>
  );
}
