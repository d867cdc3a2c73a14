import { useCallback, useState, type ReactNode } from 'react';
import { FieldError, Input, Label, TextField } from 'react-aria-components';
import { GraphQLRequestError } from '../api';
import type { Grant, Session } from '../auth';

/**
 * The form field an API error names, the most specific one the form has: "input.panel[1].name" is
 * "panel[1].name", else "panel[1]", else "panel".
 */
export function fieldKey(path: string, formFields: readonly string[]): string | null {
  let key = path.replace(/^input\./, '');
  for (;;) {
    if (formFields.includes(key)) return key;
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    if (cut <= 0) return null;
    key = key.slice(0, cut);
  }
}

export interface FormErrors {
  /** Messages by form field, shown beside the field. */
  fields: Record<string, string>;
  /** Messages that name no field of the form, shown above it. */
  general: string | null;
}

/**
 * Errors of one form: BAD_USER_INPUT naming a field of the form goes beside that field, anything
 * else (a conflict, a refusal, a field the form does not show) above the form.
 */
export function useFormErrors(formFields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  const capture = useCallback(
    (caught: unknown) => {
      const fields: Record<string, string> = {};
      const general: string[] = [];
      const list = caught instanceof GraphQLRequestError ? caught.errors : [{ message: (caught as Error).message }];
      for (const error of list) {
        const field = error.extensions?.field;
        const key = typeof field === 'string' ? fieldKey(field, formFields) : null;
        if (error.extensions?.code === 'BAD_USER_INPUT' && key) fields[key] = error.message;
        else general.push(error.message);
      }
      setErrors({ fields, general: general.length ? general.join('; ') : null });
    },
    [formFields],
  );
  const clear = useCallback(() => setErrors({ fields: {}, general: null }), []);
  return { errors, capture, clear };
}

/** A labelled text input whose error, when it has one, is shown beside it and tied to it for screen readers. */
export function TextInput({
  label,
  value,
  onChange,
  error,
  type = 'text',
  name,
  isRequired,
  description,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'date' | 'number' | 'email' | 'tel' | 'month' | 'datetime-local';
  name: string;
  isRequired?: boolean;
  description?: string;
}) {
  return (
    <TextField
      className="field"
      name={name}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      validationBehavior="aria"
    >
      <Label>
        {label}
        {isRequired && <span aria-hidden="true"> *</span>}
      </Label>
      <Input type={type} />
      {description && <span className="hint">{description}</span>}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/** A labelled native select: keyboard and screen readers handle it as they do every select. */
export function SelectInput({
  label,
  value,
  onChange,
  options,
  name,
  error,
  emptyLabel,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  name: string;
  error?: string | undefined;
  emptyLabel?: string;
}) {
  const id = `select-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A form's messages that belong to no single field, announced when they appear. */
export function FormMessages({ general, done }: { general: string | null; done?: string | null }) {
  return (
    <>
      {general && (
        <p role="alert" className="form-error">
          {general}
        </p>
      )}
      <p role="status" className="form-done">
        {done ?? ''}
      </p>
    </>
  );
}

export function hasRole(session: Session | null, roles: readonly string[], regionId?: string): boolean {
  return Boolean(session?.grants.some((g: Grant) => roles.includes(g.role) && (!regionId || g.regionId === regionId)));
}

/** The first region in which the signed-in person holds one of the roles: where the navigation link leads. */
export function firstRegion(session: Session | null, roles: readonly string[]): string | null {
  return session?.grants.find((g) => roles.includes(g.role))?.regionId ?? null;
}

/** Shown instead of a page the signed-in person may not use (or before signing in). */
export function Gate({
  allowed,
  signedIn,
  messages,
  children,
}: {
  allowed: boolean;
  signedIn: boolean;
  messages: { signInFirst: ReactNode; notAllowed: ReactNode };
  children: ReactNode;
}) {
  if (!signedIn) return <p>{messages.signInFirst}</p>;
  if (!allowed) return <p role="alert">{messages.notAllowed}</p>;
  return <>{children}</>;
}

/** A group of labelled checkboxes under one legend, with the group's error beside it. */
export function CheckboxList({
  legend,
  name,
  options,
  selected,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="checks" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value),
              )
            }
          />{' '}
          {option.label}
        </label>
      ))}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** A single labelled checkbox. */
export function CheckboxInput({
  label,
  name,
  checked,
  onChange,
}: {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />{' '}
      {label}
    </label>
  );
}

/** "fi, sv" → ["fi", "sv"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
