import type { Child } from 'hono/jsx';

export type FieldErrors = Record<string, string>;

/**
 * Turns an `invalid` error's details into messages per form field. `rename` maps a full detail
 * path ("contacts.0.email") to the form field that shows it ("contactEmail").
 */
export function fieldErrors(details: unknown, rename: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as Array<{ path?: string; message?: string }>) {
    const path = d.path ?? '';
    const key = rename[path] ?? (path.split('.')[0] || '_');
    out[key] ??= d.message ?? 'is invalid';
  }
  return out;
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** The message above a form; with field errors it says where to look. */
export function ErrorSummary(props: { message?: string; errors?: FieldErrors }) {
  const count = Object.keys(props.errors ?? {}).length;
  const text = count > 0 ? 'Please correct the fields marked below.' : props.message;
  if (!text) return null;
  return (
    <div class="error-summary" role="alert">
      {text}
    </div>
  );
}

type Common = {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  /** Keeps ids unique when several forms on one page share field names. */
  idPrefix?: string;
  required?: boolean;
};

const fieldId = (p: Common) => `f-${p.idPrefix ? `${p.idPrefix}-` : ''}${p.name}`;

function describedBy(id: string, hint: boolean, error: boolean) {
  const ids = [hint && `${id}-hint`, error && `${id}-err`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Wrapper(p: Common & { id: string; children: Child; wide?: boolean }) {
  const error = p.errors?.[p.name];
  const cls = ['field', error && 'has-error', p.wide && 'wide'].filter(Boolean).join(' ');
  return (
    <div class={cls}>
      <label for={p.id}>
        {p.label}
        {!p.required && <span class="optional"> (optional)</span>}
      </label>
      {p.children}
      {p.hint && (
        <small class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </small>
      )}
      {error && (
        <small class="error" id={`${p.id}-err`}>
          {error}
        </small>
      )}
    </div>
  );
}

type FieldProps = Common & {
  value?: string | number | null;
  type?: string;
  autocomplete?: string;
  inputmode?: 'text' | 'decimal' | 'numeric' | 'email' | 'url';
  placeholder?: string;
  min?: number;
  max?: number;
};

export function Field(p: FieldProps) {
  const id = fieldId(p);
  const error = p.errors?.[p.name];
  return (
    <Wrapper {...p} id={id}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        placeholder={p.placeholder}
        min={p.min}
        max={p.max}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, !!p.hint, !!error)}
      />
    </Wrapper>
  );
}

export type Option = { value: string; label: string };

export function Select(p: Common & { options: Option[]; value?: string | null }) {
  const id = fieldId(p);
  const error = p.errors?.[p.name];
  return (
    <Wrapper {...p} required={p.required ?? true} id={id}>
      <select
        id={id}
        name={p.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, !!p.hint, !!error)}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function TextArea(p: Common & { value?: string | null; rows?: number }) {
  const id = fieldId(p);
  const error = p.errors?.[p.name];
  return (
    <Wrapper {...p} id={id} wide>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 3}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, !!p.hint, !!error)}
      >
        {p.value ?? ''}
      </textarea>
    </Wrapper>
  );
}

/** A group of checkboxes (or radios) under one legend; each box posts its own name. */
export function ChoiceGroup(p: {
  legend: string;
  type?: 'checkbox' | 'radio';
  /** For radios: the shared name. For checkboxes each option's value is its field name. */
  name?: string;
  options: Array<Option & { checked: boolean; hint?: string }>;
  error?: string;
  idPrefix?: string;
}) {
  const type = p.type ?? 'checkbox';
  return (
    <fieldset class={p.error ? 'choices has-error' : 'choices'}>
      <legend>{p.legend}</legend>
      {p.options.map((o) => {
        const id = `f-${p.idPrefix ? `${p.idPrefix}-` : ''}${p.name ?? 'c'}-${o.value}`;
        return (
          <label class="choice" for={id}>
            <input
              id={id}
              type={type}
              name={type === 'radio' ? p.name : o.value}
              value={type === 'radio' ? o.value : 'on'}
              checked={o.checked}
            />
            <span>
              {o.label}
              {o.hint && <small class="hint"> {o.hint}</small>}
            </span>
          </label>
        );
      })}
      {p.error && <small class="error">{p.error}</small>}
    </fieldset>
  );
}

/** A one-button form, for actions such as archive or revoke. */
export function ActionButton(p: {
  action: string;
  csrfToken: string;
  label: string;
  variant?: 'secondary' | 'danger';
  /** Extra hidden fields. */
  fields?: Record<string, string>;
  /** Names what the button acts on, for screen readers when the visible label is short. */
  ariaLabel?: string;
}) {
  return (
    <form method="post" action={p.action} class="inline">
      <CsrfField token={p.csrfToken} />
      {Object.entries(p.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`btn small ${p.variant ?? 'secondary'}`} aria-label={p.ariaLabel}>
        {p.label}
      </button>
    </form>
  );
}
