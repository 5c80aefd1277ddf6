import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { ErrorBox } from './data';

let nextId = 0;

/**
 * A step between a destructive click and its effect: a modal dialog (the browser's own <dialog>,
 * so focus stays inside and Escape cancels) that says what will change, with "cancel" focused first.
 */
export function ConfirmDialog({ title, confirmLabel, busy, error, onConfirm, onCancel, children }: {
  title: string;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useRef(`confirm${++nextId}`).current;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    cancel.current?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog ref={ref} class="confirm" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <ErrorBox error={error} />
      <div class="actions">
        <button type="button" ref={cancel} class="secondary" onClick={onCancel}>{t('cancel')}</button>
        <button type="button" class="danger" disabled={busy} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
