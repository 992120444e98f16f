// 优先服务 at the kiosk: by the ID card (老年人 decided by the server), a group staff will check at the
// counter, or none at all (declining 老年人 too). Big targets, said in words.
import type { PriorityChoice as Choice } from '../../domain/priority.js';
import { useI18n } from '../i18n/i18n.js';

export type KioskPriority = Choice | 'auto';

const CHOICES: readonly KioskPriority[] = ['auto', 'disabled', 'pregnant', 'military', 'none'];

/** The body's `priority`: nothing for 'auto', so the server decides from the ID card. */
export function priorityField(choice: KioskPriority): Choice | undefined {
  return choice === 'auto' ? undefined : choice;
}

export function PriorityChoice({ value, onChange, disabled }: { value: KioskPriority; onChange: (next: KioskPriority) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const label = (c: KioskPriority) => (c === 'auto' ? t('priority.auto') : c === 'none' ? t('priority.none') : t(`priority.${c}`));
  return (
    <fieldset className="kiosk-priority" disabled={disabled}>
      <legend className="kiosk-priority__title">{t('priority.choiceTitle')}</legend>
      <div className="kiosk-priority__options">
        {CHOICES.map((c) => (
          <label key={c} className={`kiosk-priority__option${value === c ? ' kiosk-priority__option--on' : ''}`}>
            <input type="radio" name="kiosk-priority" value={c} checked={value === c} onChange={() => onChange(c)} />
            <span>{label(c)}</span>
          </label>
        ))}
      </div>
      {(value === 'disabled' || value === 'pregnant' || value === 'military') && (
        <p className="kiosk-priority__notice" role="note">
          {t('priority.notice')}
        </p>
      )}
    </fieldset>
  );
}
