// 开放日: Monday to Sunday as checkboxes (ISO weekdays 1–7).
import { useI18n } from '../i18n/i18n.js';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function WeekdayPicker({ value, onChange, error }: { value: readonly number[]; onChange: (days: number[]) => void; error: string | null }) {
  const { t } = useI18n();
  const toggle = (day: number) => onChange(value.includes(day) ? value.filter((d) => d !== day) : [...value, day].sort());
  return (
    <fieldset className={`weekday-picker${error ? ' weekday-picker--invalid' : ''}`} aria-describedby={error ? 'weekdays-error' : undefined}>
      <legend>{t('admin.svc.weekdays')}</legend>
      <div className="weekday-picker__days">
        {DAYS.map((day) => (
          <label key={day} className="weekday-picker__day">
            <input type="checkbox" checked={value.includes(day)} onChange={() => toggle(day)} aria-invalid={error ? true : undefined} />
            <span>{t(`admin.weekday.${day}`)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id="weekdays-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
