import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn.ts';

/** Props every field shares; the control's own props are passed through. */
interface FieldBaseProps {
  /** Form field name; also the element id unless `id` is given. */
  name: string;
  label: ReactNode;
  /** Short help shown under the label's control. */
  hint?: ReactNode;
  /** Validation message; marks the control `aria-invalid` and is announced with it. */
  error?: ReactNode;
  className?: string;
}

const CONTROL_CLASSES =
  'block w-full rounded-md border bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-slate-400 ' +
  'disabled:cursor-not-allowed disabled:bg-canvas';

/** Ids and ARIA attributes tying the control to its hint and error. */
function describeControl(id: string, hint: ReactNode, error: ReactNode) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return {
    hintId,
    errorId,
    aria: { 'aria-describedby': describedBy, 'aria-invalid': error ? (true as const) : undefined },
    controlClass: cn(CONTROL_CLASSES, error ? 'border-red-600' : 'border-line'),
  };
}

/** Label, control slot, hint and error in a consistent vertical layout. */
function FieldFrame(props: {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint: ReactNode;
  hintId?: string;
  error: ReactNode;
  errorId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('space-y-1', props.className)}>
      <label htmlFor={props.id} className="block text-sm font-medium text-ink">
        {props.label}
        {props.required ? <span className="ml-0.5 text-red-700" aria-hidden="true">*</span> : null}
      </label>
      {props.children}
      {props.hint ? <p id={props.hintId} className="text-xs text-ink-muted">{props.hint}</p> : null}
      {props.error ? <p id={props.errorId} className="text-xs font-medium text-red-700">{props.error}</p> : null}
    </div>
  );
}

export type FieldProps = FieldBaseProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'className'>;

/** A labelled `<input>` with optional hint and error message. */
export function Field({ name, label, hint, error, className, id, ...input }: FieldProps) {
  const controlId = id ?? name;
  const d = describeControl(controlId, hint, error);
  return (
    <FieldFrame id={controlId} label={label} required={input.required} hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} className={className}>
      <input id={controlId} name={name} className={d.controlClass} {...d.aria} {...input} />
    </FieldFrame>
  );
}

export type TextareaFieldProps = FieldBaseProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'className'>;

/** A labelled `<textarea>` with optional hint and error message. */
export function TextareaField({ name, label, hint, error, className, id, ...textarea }: TextareaFieldProps) {
  const controlId = id ?? name;
  const d = describeControl(controlId, hint, error);
  return (
    <FieldFrame id={controlId} label={label} required={textarea.required} hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} className={className}>
      <textarea id={controlId} name={name} className={d.controlClass} rows={4} {...d.aria} {...textarea} />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldBaseProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'className'>;

/** A labelled `<select>`; pass `<option>`s as children. */
export function SelectField({ name, label, hint, error, className, id, children, ...select }: SelectFieldProps) {
  const controlId = id ?? name;
  const d = describeControl(controlId, hint, error);
  return (
    <FieldFrame id={controlId} label={label} required={select.required} hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} className={className}>
      <select id={controlId} name={name} className={d.controlClass} {...d.aria} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}
