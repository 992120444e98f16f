// 过号 ends a citizen's turn, so it is asked once more; the clerk can still undo it for a minute.
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';

export function NoShowDialog({
  open,
  number,
  requeueBehind,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  number: string;
  requeueBehind: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Enter confirms: X then Enter is still two deliberate keys; Esc cancels.
      confirm.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {t('desk.noShowTitle', { number })}
        </h2>
        <p>{t('desk.noShowText', { behind: requeueBehind })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('counter.cancel')}
          </button>
          <button ref={confirm} type="submit" className="button button--danger">
            {t('desk.noShowConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
