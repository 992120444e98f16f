// The desk: the ticket at this counter, the six actions (keys N R S C X T), the outcome of the
// last one in words, today's figures and the waiting lists, all kept live by the hall's events.
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { Counter } from '../../contracts/queue.js';
import type { ServiceSummary } from '../../contracts/services.js';
import { getQueue } from '../api/queue-endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import type { LiveStatus } from '../live/live-connection.js';
import { useLiveReload } from '../live/use-live.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useResource } from '../ui/use-resource.js';
import { type DeskAction, actionsFor, canCallWaiting, servedAverage, shortcutOf, withoutCalls } from './counter-logic.js';
import { formatAverageMinutes } from '../i18n/format.js';
import { CounterStateBar } from './counter-state-bar.js';
import { CurrentTicket } from './current-ticket.js';
import { DeskButtons, actionLabel } from './desk-buttons.js';
import { NoShowDialog } from './no-show-dialog.js';
import { PassedList } from './passed-list.js';
import { TransferDialog } from './transfer-dialog.js';
import { type DeskOutcome, useDeskActions } from './use-desk-actions.js';
import { WaitingLists } from './waiting-lists.js';

function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.closest('dialog[open]') !== null;
}

/** How often the waiting lists are read again when nothing happens (waited minutes, 超时 marks). */
const WAIT_REFRESH_MS = 30_000;

/** How long after a 过号 the desk offers to undo it (the server allows a minute too). */
const UNDO_MS = 60_000;

function OutcomeBanner({ outcome, services, onUndo }: { outcome: DeskOutcome; services: readonly ServiceSummary[]; onUndo: (number: string) => void }) {
  const { t, lang } = useI18n();
  const undoable = outcome.ok && outcome.action === 'no-show';
  const [undoOpen, setUndoOpen] = useState(undoable);
  useEffect(() => {
    if (!outcome.ok || !undoable) return;
    setUndoOpen(true);
    const timer = window.setTimeout(() => setUndoOpen(false), Math.max(0, outcome.at + UNDO_MS - Date.now()));
    return () => window.clearTimeout(timer);
  }, [outcome, undoable]);
  if (!outcome.ok) {
    return (
      <Banner tone="error" title={t('desk.failed', { action: t(actionLabel(outcome.action)) })}>
        {errorText(outcome.error, lang)}
      </Banner>
    );
  }
  const service = services.find((s) => s.id === outcome.serviceId);
  const params = { number: outcome.callNumber, service: service ? localName(service, lang) : '' };
  const key = outcome.action === 'call' ? 'call-next' : outcome.action;
  return (
    <Banner
      tone="success"
      title={t(`desk.done.${key}`, params)}
      action={
        undoable && undoOpen ? (
          <button type="button" className="button button--secondary" onClick={() => onUndo(outcome.number)}>
            {t('desk.undoNoShow')}
          </button>
        ) : undefined
      }
    />
  );
}

export function CounterDesk({
  counter,
  services,
  onCounterChanged,
  onLive,
}: {
  counter: Counter;
  services: readonly ServiceSummary[];
  onCounterChanged: () => void;
  onLive: (status: LiveStatus) => void;
}) {
  const { t, lang } = useI18n();
  const { onStaffError, refresh } = useStaff();
  const queue = useResource(
    (signal) =>
      getQueue(counter.serviceIds, { lang, signal }).catch((error: unknown) => {
        onStaffError(error);
        throw error;
      }),
    `${counter.number}:${counter.serviceIds.join(',')}:${lang}`,
  );
  const live = useLiveReload('hall', queue.reload);
  // Waits grow without any event: look again now and then, so a number is marked as it crosses 最长等候.
  useEffect(() => {
    const timer = window.setInterval(queue.reload, WAIT_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [queue.reload]);
  useEffect(() => onLive(live), [live, onLive]);
  // The stream refused us: the session has probably ended; the gate then asks to sign in again.
  useEffect(() => {
    if (live === 'denied') refresh();
  }, [live, refresh]);

  const mine = queue.data?.counters.find((c) => c.number === counter.number) ?? counter;
  const current = mine.current && (mine.current.status === 'called' || mine.current.status === 'serving') ? mine.current : null;
  // A paused or closed counter calls nobody (the server refuses too); it can still end its open ticket.
  const calling = mine.state === 'open';
  const allowed = withoutCalls(actionsFor(current?.status ?? null), calling);
  const desk = useDeskActions(counter.number, lang, queue.reload, onStaffError);
  const [transferring, setTransferring] = useState(false);
  const [passing, setPassing] = useState(false);

  // Someone changed this counter's services elsewhere: take the new set.
  const changed = mine.serviceIds.join(',') !== counter.serviceIds.join(',');
  useEffect(() => {
    if (changed) onCounterChanged();
  }, [changed, onCounterChanged]);

  const act = useCallback(
    (action: DeskAction) => {
      if (!allowed.has(action) || desk.busy) return;
      if (action === 'transfer') setTransferring(true);
      else if (action === 'no-show') setPassing(true);
      else void desk.run({ action }, current);
    },
    [allowed, desk, current],
  );

  // Attached as soon as the desk has rendered (a layout effect): a key pressed right after a call
  // must act on the number just called, not on the one before (Preact runs plain effects only
  // after the next frame is painted).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inField: isField(e.target) });
      if (!action || e.repeat) return;
      e.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act]);

  if (!queue.data) {
    return queue.error !== null ? <LoadFailed error={queue.error} onRetry={queue.reload} /> : <Loading />;
  }
  const waitingHere = queue.data.queues.reduce((n, q) => n + q.waiting.length, 0);
  const average = servedAverage(queue.data.queues);

  return (
    <div className="desk" aria-busy={queue.loading}>
      <section className="desk__main" aria-label={t('desk.region')}>
        <CounterStateBar counter={mine} onChanged={queue.reload} onError={onStaffError} />
        <CurrentTicket ticket={current} onChanged={queue.reload} onError={onStaffError} />
        <div className="desk__outcome" aria-live="polite">
          {desk.outcome && (
            <OutcomeBanner outcome={desk.outcome} services={services} onUndo={(number) => void desk.run({ action: 'undo-no-show', number }, current)} />
          )}
        </div>
        {queue.error !== null && <LoadFailed error={queue.error} onRetry={queue.reload} />}
        <DeskButtons allowed={allowed} busy={desk.busy} onAction={act} />
        <p className="desk__keys">{t('desk.keysHint')}</p>
        <dl className="desk-stats">
          <div>
            <dt>{t('desk.statServed')}</dt>
            <dd data-testid="served-today">{mine.servedToday}</dd>
          </div>
          <div>
            <dt>{t('desk.statAverage')}</dt>
            <dd data-testid="average-service">{average === null ? '—' : formatAverageMinutes(average, lang)}</dd>
          </div>
          <div>
            <dt>{t('desk.statWaiting')}</dt>
            <dd>{waitingHere}</dd>
          </div>
        </dl>
        <PassedList passed={queue.data.passed} busy={desk.busy !== null} onRequeue={(number) => void desk.run({ action: 'requeue', number }, current)} />
      </section>
      <WaitingLists
        queues={queue.data.queues}
        canCall={calling && canCallWaiting(current?.status ?? null)}
        busy={desk.busy !== null}
        onCall={(number) => void desk.run({ action: 'call', number }, current)}
      />
      <NoShowDialog
        open={passing}
        number={current?.callNumber ?? ''}
        requeueBehind={queue.data.requeueBehind}
        onCancel={() => setPassing(false)}
        onConfirm={() => {
          setPassing(false);
          void desk.run({ action: 'no-show' }, current);
        }}
      />
      <TransferDialog
        open={transferring}
        number={current?.callNumber ?? ''}
        fromServiceId={current?.serviceId ?? null}
        services={services}
        onCancel={() => setTransferring(false)}
        onTransfer={(serviceId) => {
          setTransferring(false);
          void desk.run({ action: 'transfer', serviceId }, current);
        }}
      />
    </div>
  );
}
