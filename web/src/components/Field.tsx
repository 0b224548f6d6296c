// Form controls with their label, hint and error wired together (label `for`, aria-describedby,
// aria-invalid), so that every page gets accessible forms without repeating the plumbing.
import { useId, type ReactNode, type Ref } from 'react';

/** "is required" under "Name" reads "Name is required."; full sentences are shown as they are. */
export function explain(label: string, message: string): string {
  const m = message.trim();
  const sentence = /^[a-z]/.test(m) ? `${label} ${m}` : m;
  return /[.!?]$/.test(sentence) ? sentence : sentence + '.';
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

/** The ids of a field's hint and error, and the `aria-describedby` that names them. */
export function fieldIds(id: string, hint: unknown, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  return { hintId, errId, describedBy: describedBy(hintId, errId) };
}

/** What every labelled control sits in: the label, the hint above it, the error below. */
export function FieldFrame(p: {
  id: string;
  label: string;
  required?: boolean | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  const { hintId, errId } = fieldIds(p.id, p.hint, p.error);
  return (
    <div className={'field' + (p.error ? ' field--error' : '') + (p.className ? ' ' + p.className : '')}>
      <label htmlFor={p.id}>
        {p.label}
        {p.required ? <span className="req"> (required)</span> : null}
      </label>
      {p.hint ? (
        <p className="hint" id={hintId}>
          {p.hint}
        </p>
      ) : null}
      {p.children}
      {p.error ? (
        <p className="error" id={errId}>
          {explain(p.label, p.error)}
        </p>
      ) : null}
    </div>
  );
}

interface BaseProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'search' | 'tel' | 'datetime-local' | 'number';
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  list?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  name?: string;
  maxLength?: number;
  /** Marks the page's main search field, which the `/` shortcut focuses. */
  isPageSearch?: boolean;
}

export function TextField(p: TextFieldProps) {
  const id = useId();
  const common = {
    id,
    name: p.name,
    value: p.value,
    required: p.required,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': fieldIds(id, p.hint, p.error).describedBy,
    'data-search': p.isPageSearch ? '' : undefined,
    ref: p.inputRef,
  };
  return (
    <FieldFrame id={id} label={p.label} required={p.required} hint={p.hint} error={p.error} className={p.className}>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 4} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          autoComplete={p.autoComplete}
          list={p.list}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps<V extends string> extends BaseProps {
  value: V | '';
  onChange: (value: V) => void;
  options: { value: V | ''; label: string }[];
  selectRef?: Ref<HTMLSelectElement>;
  disabled?: boolean;
  /** An id for the select itself, for code that must find it again (to restore focus). */
  id?: string;
}

export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const generated = useId();
  const id = p.id ?? generated;
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={p.error} className={p.className}>
      <select
        id={id}
        ref={p.selectRef}
        value={p.value}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={fieldIds(id, p.hint, p.error).describedBy}
        onChange={(e) => p.onChange(e.target.value as V)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxProps extends BaseProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField(p: CheckboxProps) {
  const id = useId();
  const { hintId, errId, describedBy } = fieldIds(id, p.hint, p.error);
  return (
    <div className={'field field--check' + (p.className ? ' ' + p.className : '')}>
      <input id={id} type="checkbox" checked={p.checked} aria-describedby={describedBy} onChange={(e) => p.onChange(e.target.checked)} />
      <div>
        <label htmlFor={id}>{p.label}</label>
        {p.hint ? (
          <p className="hint" id={hintId}>
            {p.hint}
          </p>
        ) : null}
        {p.error ? (
          <p className="error" id={errId}>
            {explain(p.label, p.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A message about the whole form; announced when it appears. */
export function FormError({ error }: { error: string | null | undefined }) {
  return (
    <div role="alert" className={error ? 'form-error' : 'visually-hidden'}>
      {error ?? ''}
    </div>
  );
}

/** A short error beside the control that caused it (a list item's button, not a whole form). */
export function InlineError({ error }: { error: string | null | undefined }) {
  return error ? (
    <p className="error small" role="alert">
      {error}
    </p>
  ) : null;
}

/** A quiet confirmation ("Saved."), announced politely. */
export function Status({ message }: { message: string | null | undefined }) {
  return (
    <p role="status" className={message ? 'status-msg' : 'visually-hidden'}>
      {message ?? ''}
    </p>
  );
}

/** A form's submit button with what the last submit did beside it, announced politely. */
export function SubmitRow({
  label,
  pendingLabel,
  pending,
  done,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  done: string | null;
}) {
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <span role="status" className="status-msg-inline">
        {done ?? ''}
      </span>
    </div>
  );
}
