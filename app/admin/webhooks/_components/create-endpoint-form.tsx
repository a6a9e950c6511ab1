'use client';
/** Register-endpoint form; shows the new `whsec_` secret exactly once. */
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { createEndpointAction } from '../actions.ts';

export function CreateEndpointForm({ eventTypes }: { eventTypes: readonly string[] }) {
  const [state, action] = useActionState(createEndpointAction, null);
  return (
    <form action={action} className="grid gap-4" aria-label="Register a webhook endpoint">
      {state?.ok ? (
        <Alert variant="success" title="Endpoint registered">
          Copy the signing secret now; it is not shown again:{' '}
          <code className="break-all font-mono" data-testid="endpoint-secret">
            {state.data.secret}
          </code>
        </Alert>
      ) : null}
      {state && !state.ok ? <Alert variant="error" title={state.message} /> : null}
      <Field name="url" label="Endpoint URL" placeholder="https://example.com/webhooks/periodic" required error={state && !state.ok ? state.fieldErrors?.url?.[0] : undefined} />
      <Field name="description" label="Description" />
      <fieldset>
        <legend className="text-sm font-medium">Event types (none = all)</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {eventTypes.map((t) => (
            <label key={t} className="inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name="eventTypes" value={t} /> <span className="font-mono text-xs">{t}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Registering…">Register endpoint</SubmitButton>
      </div>
    </form>
  );
}
