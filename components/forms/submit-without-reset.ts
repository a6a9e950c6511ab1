'use client';

import { startTransition, type FormEvent } from 'react';

/**
 * onSubmit handler that dispatches a useActionState action without React 19's automatic form
 * reset (which `<form action>` does after every submission and would wipe what the user typed
 * when the server answers with a validation error).
 */
export function submitWithoutReset(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
}
