'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Field } from '@/components/ui/field.tsx';
import { Button } from '@/components/ui/button.tsx';
import { submitWithoutReset } from '@/components/forms/submit-without-reset.ts';
import { buttonClassName } from '@/components/ui/button.tsx';
import { confirmMfaEnrolmentAction } from '../actions.ts';

export interface MfaSetupFormProps {
  alreadyEnabled: boolean;
  secret?: string;
  qrDataUrl?: string;
}

/**
 * QR + manual key + confirmation code; after success, the recovery codes (shown once). The
 * codes live in this component's state, which survives the page re-render the action triggers.
 */
export function MfaSetupForm({ alreadyEnabled, secret, qrDataUrl }: MfaSetupFormProps) {
  const [state, action, isPending] = useActionState(confirmMfaEnrolmentAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert variant="success" title="Two-step verification is on">
          Save these recovery codes somewhere safe. Each works once if you lose your phone. They will not be shown again.
        </Alert>
        <ul aria-label="Recovery codes" className="grid grid-cols-1 gap-2 rounded-md border border-line bg-canvas p-4 font-mono text-sm sm:grid-cols-2">
          {state.data.recoveryCodes.map((c) => (
            <li key={c} data-testid="recovery-code">
              {c}
            </li>
          ))}
        </ul>
        <Link href="/signin/continue" className={buttonClassName('primary')}>
          Continue
        </Link>
      </div>
    );
  }
  if (alreadyEnabled) {
    return (
      <div className="space-y-4">
        <Alert variant="info">Two-step verification is already on for your account.</Alert>
        <Link href="/signin/continue" className={buttonClassName('secondary')}>
          Continue
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-ink-muted">
        <li>Open an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …).</li>
        <li>Scan the QR code, or type the key shown below it.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {qrDataUrl ? (
        <img src={qrDataUrl} width={220} height={220} alt="QR code to add Periodic to your authenticator app" className="rounded-md border border-line" />
      ) : null}
      <p className="text-sm">
        Key for manual entry:{' '}
        <code data-testid="totp-secret" className="break-all rounded bg-canvas px-2 py-1 font-mono">
          {secret}
        </code>
      </p>
      <form onSubmit={submitWithoutReset(action)} className="space-y-4">
        {state && !state.ok ? <Alert variant="error">{state.message}</Alert> : null}
        <Field name="code" label="6-digit code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" required error={state && !state.ok ? state.fieldErrors?.code?.[0] : undefined} />
        <Button type="submit" disabled={isPending} aria-busy={isPending || undefined}>
        {isPending ? 'Checking…' : 'Turn on two-step verification'}
      </Button>
      </form>
    </div>
  );
}
