// Something shown once and never again (a one-time password, a device's pairing link): large,
// selectable, with a copy button, and gone when the manager says done.
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { CopyButton } from './copy-button.js';

export function OneTimeSecret({
  title,
  label,
  value,
  note,
  children,
  onDone,
}: {
  title: string;
  label: string;
  value: string;
  note: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const box = useRef<HTMLElement>(null);
  // In the commit that shows it (a layout effect), as every focus move (see sms-code-field.tsx).
  useLayoutEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <section ref={box} className="secret" aria-labelledby={`${id}-title`} tabIndex={-1} data-testid="one-time-secret">
      <h3 id={`${id}-title`} className="secret__title">
        {title}
      </h3>
      <div className="secret__body">
        <div className="secret__main">
          <label className="field__label" htmlFor={`${id}-value`}>
            {label}
          </label>
          <div className="secret__row">
            <textarea
              id={`${id}-value`}
              className="secret__value mono"
              readOnly
              rows={Math.min(4, Math.max(1, Math.ceil(value.length / 60)))}
              value={value}
              spellCheck="false"
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={value} />
          </div>
          <p className="secret__note">{note}</p>
        </div>
        {children}
      </div>
      <button type="button" className="button button--primary button--small" onClick={onDone}>
        {t('admin.done')}
      </button>
    </section>
  );
}
