// 优先服务 at the kiosk: by the ID card (老年人 decided by the server), a group staff will check at the
// counter, or none at all (declining 老年人 too). Big targets, said in words. Only the groups the
// hall honours are offered; a hall that honours none shows no choice at all.
import type { PriorityGroup } from '../../domain/priority.js';
import { useI18n } from '../i18n/i18n.js';
import { type KioskPriority, offeredChoices, shownChoice } from './priority-choice-logic.js';

export { type KioskPriority, sentPriority } from './priority-choice-logic.js';

export function PriorityChoice({
  value,
  onChange,
  disabled,
  groups,
}: {
  value: KioskPriority;
  onChange: (next: KioskPriority) => void;
  disabled?: boolean;
  /** The groups the hall honours (undefined: not known yet, all). */
  groups?: readonly PriorityGroup[] | undefined;
}) {
  const { t } = useI18n();
  const offered = offeredChoices(groups);
  if (offered.length <= 1) return null;
  const shown = shownChoice(value, offered);
  const label = (c: KioskPriority) => (c === 'auto' ? t('priority.auto') : c === 'none' ? t('priority.none') : t(`priority.${c}`));
  return (
    <fieldset className="kiosk-priority" disabled={disabled}>
      <legend className="kiosk-priority__title">{t('priority.choiceTitle')}</legend>
      <div className="kiosk-priority__options">
        {offered.map((c) => (
          <label key={c} className={`kiosk-priority__option${shown === c ? ' kiosk-priority__option--on' : ''}`}>
            <input type="radio" name="kiosk-priority" value={c} checked={shown === c} onChange={() => onChange(c)} />
            <span>{label(c)}</span>
          </label>
        ))}
      </div>
      {(shown === 'disabled' || shown === 'pregnant' || shown === 'military') && (
        <p className="kiosk-priority__notice" role="note">
          {t('priority.notice')}
        </p>
      )}
    </fieldset>
  );
}
