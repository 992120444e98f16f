// The counter's state above the desk: 服务中 / 暂停服务 · 休息（10:05 起）/ 窗口已关闭, with 暂停服务,
// 恢复服务 (开启窗口) and 关闭窗口. A paused or closed counter calls nobody; the server refuses too.
import { useState } from 'react';
import type { Counter, PauseCounterBody } from '../../contracts/queue.js';
import { closeCounter, pauseCounter, resumeCounter } from '../api/queue-endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { PauseDialog } from './pause-dialog.js';

function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function CounterStateBar({ counter, onChanged, onError }: { counter: Counter; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'pause' | 'close' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (command: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await command();
      setDialog(null);
      onChanged();
    } catch (error) {
      onError(error);
      setFailure(error);
      setDialog(null);
    } finally {
      setBusy(false);
    }
  };
  const call = { lang };
  const reason = counter.pause ? (counter.pause.reason === 'other' && counter.pause.note ? counter.pause.note : t(`pause.${counter.pause.reason}`)) : '';
  const label =
    counter.state === 'open'
      ? t('desk.stateOpen')
      : counter.state === 'closed'
        ? t('desk.stateClosed')
        : counter.pause
          ? t('desk.statePausedSince', { reason, time: clock(counter.pause.since) })
          : t('desk.statePaused', { reason: '' });
  return (
    <div className={`counter-state counter-state--${counter.state}`} data-testid="counter-state">
      <p className="counter-state__label" aria-live="polite">
        <span className="counter-state__dot" aria-hidden="true" />
        {label}
      </p>
      <div className="counter-state__actions">
        {counter.state === 'open' ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setDialog('pause')}>
            {t('desk.pause')}
          </button>
        ) : (
          <button type="button" className="button button--primary" disabled={busy} aria-busy={busy} onClick={() => void run(() => resumeCounter(counter.number, call))}>
            {counter.state === 'closed' ? t('desk.open') : t('desk.resume')}
          </button>
        )}
        {counter.state !== 'closed' && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setDialog('close')}>
            {t('desk.close')}
          </button>
        )}
      </div>
      {counter.state !== 'open' && <p className="counter-state__hint">{t('desk.notCalling')}</p>}
      {failure !== null && <Banner tone="error" title={errorText(failure, lang)} />}
      <PauseDialog
        open={dialog === 'pause'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onPause={(body: PauseCounterBody) => void run(() => pauseCounter(counter.number, body, call))}
      />
      <ConfirmDialog
        open={dialog === 'close'}
        title={t('desk.closeTitle', { counter: counter.number })}
        confirmLabel={t('desk.closeConfirm')}
        cancelLabel={t('counter.cancel')}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={() => void run(() => closeCounter(counter.number, call))}
      >
        <p>{t('desk.closeText')}</p>
      </ConfirmDialog>
    </div>
  );
}
