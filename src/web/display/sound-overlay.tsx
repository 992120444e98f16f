// Browsers keep a page silent until someone touches it. The board asks from a corner, so it
// stays readable meanwhile; once sound was switched on, this device remembers it, and the next
// time any touch or key on the board switches it on again.
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';

const REMEMBER_KEY = 'vr.display.sound';

export function soundWanted(storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  return storage?.getItem(REMEMBER_KEY) === 'on';
}

export function rememberSoundWanted(storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(REMEMBER_KEY, 'on');
  } catch {
    // Private mode or full storage: the board asks again next time.
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function SoundPrompt({ onEnable }: { onEnable: () => void }) {
  const { t } = useI18n();
  // Chosen before on this device: the first touch or key anywhere on the board is enough.
  useEffect(() => {
    if (!soundWanted()) return;
    const once = () => onEnable();
    window.addEventListener('pointerdown', once, { once: true });
    window.addEventListener('keydown', once, { once: true });
    return () => {
      window.removeEventListener('pointerdown', once);
      window.removeEventListener('keydown', once);
    };
  }, [onEnable]);
  return (
    <aside className="sound-prompt" aria-label={t('display.soundOffNote')}>
      <button
        type="button"
        className="sound-prompt__button"
        onClick={() => {
          rememberSoundWanted();
          onEnable();
        }}
      >
        <svg className="sound-prompt__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M3 9v6h4l5 4V5L7 9H3z" />
          <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />
        </svg>
        <span>{t('display.enableSound')}</span>
      </button>
      <span className="sound-prompt__hint">{t('display.enableSoundHint')}</span>
    </aside>
  );
}
