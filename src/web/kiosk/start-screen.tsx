import { useI18n } from '../i18n/i18n.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';

/** `onCamera`: 扫码签到 by the camera, only where the browser can read QR codes (else null). */
export function StartScreen({ onCheckIn, onWalkIn, onCamera }: { onCheckIn: () => void; onWalkIn: () => void; onCamera: (() => void) | null }) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('start');
  return (
    <section className="kiosk-start">
      <h1 ref={heading} tabIndex={-1} className="kiosk-title" data-speak="title">
        {t('kiosk.welcome')}
      </h1>
      <div className="kiosk-choices">
        <button type="button" className="kiosk-choice kiosk-choice--primary" onClick={onCheckIn}>
          <span className="kiosk-choice__title">{t('kiosk.checkIn')}</span>
          <span className="kiosk-choice__hint">{t('kiosk.checkInHint')}</span>
        </button>
        <button type="button" className="kiosk-choice" onClick={onWalkIn}>
          <span className="kiosk-choice__title">{t('kiosk.walkIn')}</span>
          <span className="kiosk-choice__hint">{t('kiosk.walkInHint')}</span>
        </button>
      </div>
      {onCamera && (
        <button type="button" className="kiosk-button kiosk-button--ghost kiosk-scan-button" onClick={onCamera}>
          {t('kiosk.scanCheckIn')}
        </button>
      )}
    </section>
  );
}
