// 转移: choose the service whose queue the number moves to (it keeps its number and its place in time).
import { type FormEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ServiceSummary } from '../../contracts/services.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';

export function TransferDialog({
  open,
  number,
  fromServiceId,
  services,
  onTransfer,
  onCancel,
}: {
  open: boolean;
  number: string;
  fromServiceId: number | null;
  services: readonly ServiceSummary[];
  onTransfer: (serviceId: number) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const targets = services.filter((s) => s.id !== fromServiceId);
  const [chosen, setChosen] = useState<number | null>(null);

  // A layout effect: open (and holding the focus) before the next key is handled (see confirm-dialog.tsx).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setChosen(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen !== null) onTransfer(chosen);
  };

  return (
    <dialog
      ref={ref}
      className="dialog transfer-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId} className="dialog__title">
          {t('desk.transferTitle', { number })}
        </h2>
        <fieldset className="choice-group">
          <legend>{t('desk.transferTo')}</legend>
          {targets.map((s) => (
            <label key={s.id} className="choice">
              <input type="radio" name="transfer-to" value={s.id} checked={chosen === s.id} onChange={() => setChosen(s.id)} />
              <span className="choice__title">
                <span className="service-letter" aria-hidden="true">
                  {s.letter}
                </span>{' '}
                {localName(s, lang)}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('counter.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={chosen === null}>
            {t('desk.transferConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
