// A modal question on the native <dialog>: focus starts on "no" (the first button) unless the
// caller asks for "yes" (a deliberate key sequence such as X then Enter), and stays inside (Tab
// cycles through its buttons); Escape answers "no", and the focus goes back where it was.
import { type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useRef } from 'react';

/**
 * Tab past the last control comes back to the first (and Shift+Tab the other way): a modal dialog
 * would otherwise let the focus leave for the browser's own bar.
 */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input:not([disabled]), select, textarea')];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  danger?: boolean;
  /** Where focus starts; default 'cancel'. */
  initialFocus?: 'cancel' | 'confirm';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const focusConfirm = props.initialFocus === 'confirm';
  // A layout effect: the dialog is open and focused before the next key is handled (X then Enter
  // must confirm, not press whatever had the focus; Preact runs plain effects after the next paint).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      dialog.showModal();
      if (focusConfirm) confirmRef.current?.focus();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open, focusConfirm]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!props.busy) props.onCancel();
      }}
      onKeyDown={keepFocusInside}
    >
      <h2 id={titleId} className="dialog__title">
        {props.title}
      </h2>
      {props.children && <div className="dialog__body">{props.children}</div>}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={props.busy}>
          {props.cancelLabel}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
          onClick={props.onConfirm}
          disabled={props.busy}
          aria-busy={props.busy}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
