/**
 * The one wrapper every server action is built with: it loads the session (and checks the
 * role) on the server, validates the input with zod, runs the handler, and turns thrown
 * AppErrors and validation failures into `{ ok: false, message, fieldErrors }` the form can show.
 * Next's own control-flow throws (redirect, notFound) pass through untouched.
 */
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { isAppError } from '../errors/app-error.ts';
import { findNulCharacter } from '../http/nul-characters.ts';
import { logger } from '../log/logger.ts';
import { requireSession, type SessionContext } from '../auth/session.ts';
import type { Role } from '../auth/roles.ts';

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export interface SafeActionOptions<S extends z.ZodType> {
  /** Input schema (form fields arrive as strings: use z.coerce / preprocess where needed). */
  schema: S;
  /** Allowed roles; any signed-in user when omitted. */
  roles?: readonly Role[];
  /** Public actions (sign-up, invite acceptance): no session is loaded and ctx is null. */
  public?: boolean;
  /** For the MFA actions: accept a session whose second factor is still pending. */
  allowPendingMfa?: boolean;
}

type Handler<S extends z.ZodType, T, P extends boolean | undefined> = (
  input: z.output<S>,
  ctx: P extends true ? null : SessionContext,
) => Promise<T>;

/** FormData → plain object (repeated keys become arrays; files are dropped). */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) {
      continue;
    }
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function invalidInput(error: z.ZodError): { ok: false; message: string; fieldErrors: Record<string, string[]> } {
  const flat = z.flattenError(error);
  const fieldErrors = flat.fieldErrors as Record<string, string[]>;
  const message = Object.keys(fieldErrors).length === 0 && flat.formErrors[0] ? flat.formErrors[0] : 'Check the highlighted fields.';
  return { ok: false, message, fieldErrors };
}

async function runAction<S extends z.ZodType, T, P extends boolean | undefined>(
  opts: SafeActionOptions<S> & { public?: P },
  handler: Handler<S, T, P>,
  raw: unknown,
): Promise<ActionResult<T>> {
  try {
    const ctx = opts.public ? null : await requireSession({ roles: opts.roles, allowPendingMfa: opts.allowPendingMfa, mode: 'action' });
    const nul = findNulCharacter(raw);
    if (nul) {
      return { ok: false, message: 'Check the highlighted fields.', fieldErrors: { [nul]: ['Contains a character that is not allowed.'] } };
    }
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) {
      return invalidInput(parsed.error);
    }
    const data = await handler(parsed.data, ctx as P extends true ? null : SessionContext);
    return { ok: true, data };
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof z.ZodError) {
      // A domain use-case's own validation (dates, windows) refused what the form schema let
      // through: still the user's input, not a server fault.
      return invalidInput(e);
    }
    if (isAppError(e)) {
      const fieldErrors = e.details?.fieldErrors as Record<string, string[]> | undefined;
      return { ok: false, message: e.message, fieldErrors };
    }
    // Unknown errors: log the class only (messages may carry data), show a generic message.
    // Not under a `name` key: the logger redacts every `*.name` (patient names).
    logger.error({ errorClass: (e as Error)?.name, errorCode: (e as { code?: unknown })?.code }, 'server action failed');
    return { ok: false, message: 'Something went wrong. Please try again.' };
  }
}

/** A server action called with a plain object: `await action({ ... })`. */
export function safeAction<S extends z.ZodType, T, P extends boolean | undefined = undefined>(
  opts: SafeActionOptions<S> & { public?: P },
  handler: Handler<S, T, P>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return (input) => runAction(opts, handler, input);
}

/** A server action for `useActionState(action, null)` / `<form action>`: reads the FormData. */
export function safeFormAction<S extends z.ZodType, T, P extends boolean | undefined = undefined>(
  opts: SafeActionOptions<S> & { public?: P },
  handler: Handler<S, T, P>,
): (prev: unknown, form: FormData) => Promise<ActionResult<T>> {
  // `prev` is typed unknown (the previous state is never read), so the action fits any
  // useActionState state type, including forms whose action only redirects (T = never).
  return (_prev, form) => runAction(opts, handler, formDataToObject(form));
}
