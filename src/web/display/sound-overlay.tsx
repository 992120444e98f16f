// Browsers keep a page silent until someone touches it: the board asks once, big enough to hit
// from a ladder.
import { useI18n } from '../i18n/i18n.js';

export function SoundOverlay({ onEnable }: { onEnable: () => void }) {
  const { t } = useI18n();
  return (
    <div className="sound-overlay">
      <button type="button" className="sound-overlay__button" onClick={onEnable}>
        <svg className="sound-overlay__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M3 9v6h4l5 4V5L7 9H3z" />
          <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />
        </svg>
        <span>{t('display.enableSound')}</span>
        <span className="sound-overlay__hint">{t('display.enableSoundHint')}</span>
      </button>
    </div>
  );
}
