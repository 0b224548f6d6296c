// A password input wired like the other fields (label, hint, error), with the autocomplete token
// password managers need and a button to show what was typed (easier on a phone than retyping).
import { useId, useState, type ReactNode, type Ref } from 'react';
import { FieldFrame, fieldIds } from './Field';

/** What every form that sets a password says about it (the server's rule: 8–128, nothing else). */
export const NEW_PASSWORD_HINT = 'Between 8 and 128 characters. A few unrelated words make a strong password that is easy to remember.';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `current-password` to sign in or confirm; `new-password` when choosing one. */
  autoComplete: 'current-password' | 'new-password';
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function PasswordField(p: PasswordFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <FieldFrame id={id} label={p.label} required={p.required} hint={p.hint} error={p.error}>
      <input
        id={id}
        ref={p.inputRef}
        type={shown ? 'text' : 'password'}
        value={p.value}
        required={p.required}
        autoComplete={p.autoComplete}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={p.error ? true : undefined}
        aria-describedby={fieldIds(id, p.hint, p.error).describedBy}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <button type="button" className="link-button small" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        Show password<span className="visually-hidden"> ({p.label})</span>
      </button>
    </FieldFrame>
  );
}
