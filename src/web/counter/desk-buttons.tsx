// The six big buttons, each with its key. Disabled when they cannot apply to the ticket at hand.
import type { MessageKey } from '../i18n/i18n.js';
import { useI18n } from '../i18n/i18n.js';
import { DESK_ACTIONS, type DeskAction, shortcutKey } from './counter-logic.js';

const LABELS: Record<DeskAction, MessageKey> = {
  'call-next': 'desk.callNext',
  recall: 'desk.recall',
  start: 'desk.start',
  complete: 'desk.complete',
  'no-show': 'desk.noShow',
  transfer: 'desk.transfer',
};

export function actionLabel(action: DeskAction | 'call' | 'undo-no-show' | 'requeue'): MessageKey {
  if (action === 'call') return 'desk.callThat';
  if (action === 'undo-no-show') return 'desk.undoNoShow';
  if (action === 'requeue') return 'desk.requeue';
  return LABELS[action];
}

export function DeskButtons({ allowed, busy, onAction }: { allowed: ReadonlySet<DeskAction>; busy: string | null; onAction: (action: DeskAction) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="desk-buttons">
      <legend className="visually-hidden">{t('desk.actions')}</legend>
      {DESK_ACTIONS.map((action) => {
        const key = shortcutKey(action);
        return (
          <button
            key={action}
            type="button"
            className={`desk-button desk-button--${action}`}
            disabled={!allowed.has(action) || busy !== null}
            aria-busy={busy === action}
            aria-keyshortcuts={key}
            onClick={() => onAction(action)}
          >
            <span className="desk-button__label">{t(LABELS[action])}</span>
            {/* The key is said by aria-keyshortcuts; the name is the words alone, as they read. */}
            <span className="desk-button__key" aria-hidden="true">
              {key}
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
