'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field, SelectField } from '@/components/ui/field.tsx';
import { Button } from '@/components/ui/button.tsx';
import { submitWithoutReset } from '@/components/forms/submit-without-reset.ts';
import { inviteUserAction } from './actions.ts';

export interface InviteFormProps {
  resources: Array<{ id: string; label: string }>;
  timeZones: string[];
}

/** Invite a clinician (with a schedule) or an admin; shows the link once. */
export function InviteForm({ resources, timeZones }: InviteFormProps) {
  const [state, action, isPending] = useActionState(inviteUserAction, null);
  const [role, setRole] = useState<'clinician' | 'admin'>('clinician');
  const [resourceId, setResourceId] = useState('new');
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-4">
      {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
      {state?.ok ? (
        <Alert variant="success" title="Invite created">
          <p>Send this link to the person you invited. It works once and expires {new Date(state.data.expiresAt).toLocaleString()}. It will not be shown again.</p>
          <p className="mt-2 break-all font-mono text-xs" data-testid="invite-link">
            {state.data.link}
          </p>
        </Alert>
      ) : null}
      <SelectField name="role" label="Role" value={role} onChange={(e) => setRole(e.target.value as 'clinician' | 'admin')}>
        <option value="clinician">Clinician</option>
        <option value="admin">Admin</option>
      </SelectField>
      {role === 'clinician' ? (
        <>
          <SelectField name="resourceId" label="Schedule" value={resourceId} onChange={(e) => setResourceId(e.target.value)} error={err('resourceId')}>
            <option value="new">Create a new schedule</option>
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </SelectField>
          {resourceId === 'new' ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field name="label" label="Schedule label" hint="Shown to patients, e.g. “Dr. Lee — Pediatrics”." error={err('label')} />
              <SelectField name="timeZone" label="Time zone" defaultValue="America/New_York" error={err('timeZone')}>
                {timeZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </SelectField>
            </div>
          ) : null}
        </>
      ) : null}
      <Button type="submit" disabled={isPending} aria-busy={isPending || undefined}>
        {isPending ? 'Creating invite…' : 'Create invite link'}
      </Button>
    </form>
  );
}
