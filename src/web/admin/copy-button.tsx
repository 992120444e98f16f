// A button that copies a text and says so (or asks to copy by hand when the browser refuses).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { copyText } from './copy-text.js';

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy">
      <button
        type="button"
        className="button button--secondary copy__button"
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {label ?? t('admin.copy')}
      </button>
      <span className="copy__status" role="status">
        {state === 'copied' ? t('admin.copied') : state === 'failed' ? t('admin.copyFailed') : ''}
      </span>
    </span>
  );
}
