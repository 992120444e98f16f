// 过号 ends a citizen's turn, so it is asked once more (X, then Enter confirms; Esc cancels); the
// clerk can still undo it for a minute.
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';

export function NoShowDialog(props: { open: boolean; number: string; requeueBehind: number; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      open={props.open}
      title={t('desk.noShowTitle', { number: props.number })}
      confirmLabel={t('desk.noShowConfirm')}
      cancelLabel={t('counter.cancel')}
      danger
      initialFocus="confirm"
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>{t('desk.noShowText', { behind: props.requeueBehind })}</p>
    </ConfirmDialog>
  );
}
