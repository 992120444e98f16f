// 暂停服务: the clerk picks why (休息, 会议, 业务咨询, or 其他 with a few words) before the counter
// stops calling numbers.
import { useEffect, useState } from 'react';
import type { PauseCounterBody } from '../../contracts/queue.js';
import { PAUSE_NOTE_MAX, PAUSE_REASONS, type PauseReason, pauseRefusal } from '../../domain/counter-state.js';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { TextField } from '../ui/text-field.js';

export function PauseDialog(props: { open: boolean; busy: boolean; onPause: (body: PauseCounterBody) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<PauseReason>('break');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!props.open) return;
    setReason('break');
    setNote('');
    setTried(false);
  }, [props.open]);
  const refusal = pauseRefusal({ reason, note });
  return (
    <ConfirmDialog
      open={props.open}
      title={t('desk.pauseTitle')}
      confirmLabel={t('desk.pauseConfirm')}
      cancelLabel={t('counter.cancel')}
      busy={props.busy}
      onCancel={props.onCancel}
      onConfirm={() => {
        setTried(true);
        if (refusal) return;
        props.onPause({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <fieldset className="pause-reasons">
        <legend className="visually-hidden">{t('desk.pauseTitle')}</legend>
        {PAUSE_REASONS.map((r) => (
          <label key={r} className="pause-reasons__option">
            <input type="radio" name="pause-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
            <span>{t(`pause.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('desk.pauseNote')}
        hint={t('desk.pauseNoteHint')}
        value={note}
        maxLength={PAUSE_NOTE_MAX}
        optional={reason !== 'other'}
        onChange={(e) => setNote(e.target.value)}
        error={tried && refusal === 'NOTE_REQUIRED' ? t('desk.pauseNoteEmpty') : null}
      />
    </ConfirmDialog>
  );
}
