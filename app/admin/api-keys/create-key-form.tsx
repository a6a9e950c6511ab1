'use client';
/** The create form; renders the new key under it after success. */
import { ActionForm } from '../../patient/book/_ui/action-form.tsx';
import { Field } from '@/components/ui/field.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { createApiKeyAction } from './actions.ts';
import { NewKeyNotice } from './new-key-notice.tsx';

export function CreateKeyForm() {
  return (
    <ActionForm action={createApiKeyAction} renderSuccess={(data) => <NewKeyNotice apiKey={data.key} label={data.label} />}>
      <div className="flex flex-wrap items-end gap-3">
        <Field name="label" label="Name" placeholder="e.g. EHR integration" required maxLength={100} className="min-w-64 flex-1" />
        <SubmitButton>Create key</SubmitButton>
      </div>
    </ActionForm>
  );
}
