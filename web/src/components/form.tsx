import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { fieldErrors } from '../api';
import { pick, t } from '../i18n';

let nextId = 0;
const useId = () => useState(() => `f${++nextId}`)[0];

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; required?: boolean }) => ComponentChildren;
}

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label for={id}>
        {label}
        {required && <span class="hint"> ({t('required')})</span>}
      </label>
      {hint && <div id={`${id}-hint`} class="hint">{hint}</div>}
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}), ...(required ? { required: true } : {}) })}
      {error && <div id={`${id}-err`} class="field-error">{pick(error)}</div>}
    </div>
  );
}

/** Form state for one submission: busy flag, the error, field errors from the server. */
export function useSubmit<T>(run: () => Promise<T>, onDone?: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e?: Event) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      onDone?.(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields: fieldErrors(error), submit };
}

export const inputValue = (e: Event) => (e.currentTarget as HTMLInputElement).value;
