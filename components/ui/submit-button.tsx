'use client';

import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';
import { Button, type ButtonProps } from './button.tsx';

export interface SubmitButtonProps extends Omit<ButtonProps, 'type'> {
  /** Label while the enclosing form's action runs, e.g. "Saving…". */
  pendingLabel?: ReactNode;
}

/**
 * Submit button for a `<form action={serverAction}>`: disabled with a pending label while the
 * action runs, so a double click cannot submit twice. Must be rendered inside the form.
 */
export function SubmitButton({ children, pendingLabel, disabled, ...rest }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="primary" disabled={pending || disabled} aria-busy={pending || undefined} {...rest}>
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
