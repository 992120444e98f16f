// The board: the latest call very large (number → counter), the calls before it, how many wait
// for each service, the clock. New calls and recalls are announced with a chime and a Mandarin
// sentence, one after another. Lost connections show a small badge and the last known board.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DisplayCall } from '../../contracts/queue.js';
import { hallTime } from '../../domain/schedule.js';
import { ApiError } from '../api/client.js';
import { getDisplay } from '../api/queue-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveReload } from '../live/use-live.js';
import { LiveBadge } from '../ui/live-badge.js';
import { useResource } from '../ui/use-resource.js';
import { announcementText, boardCalls, callKey, clockOffsetMs, counterLabel, newCalls } from './announce-logic.js';
import { Announcer } from '../voice/announcer.js';
import { DisplayClock } from './display-clock.js';
import { SoundPrompt } from './sound-overlay.js';
import { PriorityBadge } from '../ui/priority-badge.js';

/** Besides the events: a slow refresh as a safety net, faster while the board cannot load. */
const REFRESH_MS = 60_000;
const RETRY_MS = 5_000;
const RECENT = 6;

function LatestCall({ call }: { call: DisplayCall }) {
  const { t, lang } = useI18n();
  const counter = counterLabel(call, lang);
  return (
    <section className="board-latest" aria-labelledby="latest-label">
      <p className="board-latest__label" id="latest-label">
        {t('display.nowCalling')}
        {call.callCount > 1 && <span className="board-latest__again">{t('display.callAgain', { n: call.callCount })}</span>}
      </p>
      <p className="board-latest__number" data-testid="latest-number">
        {call.callNumber}
      </p>
      {call.priority && (
        <p className="board-latest__priority" data-testid="latest-priority">
          <PriorityBadge group={call.priority} />
        </p>
      )}
      <p className="board-latest__counter" data-testid="latest-counter">
        <span className="board-latest__arrow" aria-hidden="true">
          →
        </span>{' '}
        <span className="visually-hidden">{t('display.goTo')}</span>
        {counter.main}
      </p>
      <p className="board-latest__detail">
        {call.serviceName}
        {counter.name && ` · ${counter.name}`}
        <span className="board-latest__full">{call.number}</span>
      </p>
    </section>
  );
}

export function DisplayBoard({ onDenied }: { onDenied: () => void }) {
  const { t, lang } = useI18n();
  const board = useResource((signal) => getDisplay({ lang, signal }), `display:${lang}`);
  const live = useLiveReload('hall', board.reload);
  const announcer = useRef<Announcer | null>(null);
  announcer.current ??= new Announcer();
  const [soundOn, setSoundOn] = useState(() => announcer.current?.probe() ?? false);
  const seen = useRef<Set<string> | null>(null);
  const enableSound = useCallback(() => {
    void announcer.current?.unlock();
    setSoundOn(true);
  }, []);

  const denied = live === 'denied' || (board.error instanceof ApiError && (board.error.status === 401 || board.error.status === 403));
  useEffect(() => {
    if (denied) onDenied();
  }, [denied, onDenied]);

  const failing = board.error !== null;
  const reload = board.reload;
  useEffect(() => {
    const timer = window.setInterval(reload, failing ? RETRY_MS : REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload, failing]);

  const data = board.data;
  useEffect(() => {
    if (!data) return;
    const step = newCalls(seen.current, data.calls);
    seen.current = step.seen;
    for (const call of step.announce) announcer.current?.say(announcementText(call));
  }, [data]);

  const offsetMs = useMemo(() => (data ? clockOffsetMs(data, hallTime(new Date(), data.timeZone)) : 0), [data]);
  const { latest, others: earlier } = boardCalls(data?.calls ?? []);

  return (
    <div className="board">
      <header className="board-header">
        <span className="board-header__hall">{t('display.hall')}</span>
        <LiveBadge status={failing && live === 'live' ? 'reconnecting' : live} className="board-header__live" />
        <DisplayClock offsetMs={offsetMs} timeZone={data?.timeZone ?? null} />
      </header>
      <main className="board-main">
        {!data ? (
          <p className="board-empty" role="status">
            {t('display.connecting')}
          </p>
        ) : (
          <>
            {latest ? (
              // A new call remounts the block, which replays its highlight.
              <LatestCall key={callKey(latest)} call={latest} />
            ) : (
              <section className="board-latest board-latest--empty">
                <p className="board-empty">{earlier.length > 0 ? t('display.noLiveCall') : t('display.noCalls')}</p>
              </section>
            )}
            <section className="board-recent" aria-labelledby="recent-title">
              <h2 id="recent-title">{t('display.recent')}</h2>
              <ol className="board-recent__list">
                {earlier.slice(0, RECENT).map((c) => (
                  <li key={callKey(c)} className={`board-recent__row board-recent__row--${c.state}`} data-testid={`recent-${c.callNumber}`}>
                    <span className="board-recent__number">
                      {c.callNumber} <PriorityBadge group={c.priority} />
                    </span>
                    <span className="board-recent__counter">{counterLabel(c, lang).main}</span>
                    {/* Every call says where it stands in words (not by colour alone). */}
                    <span className="board-recent__state">{t(`display.state.${c.state}`)}</span>
                  </li>
                ))}
              </ol>
              {earlier.length === 0 && <p className="board-recent__none">{t('display.noEarlier')}</p>}
            </section>
          </>
        )}
      </main>
      {data && (
        <section className="board-waiting" aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('display.waiting')}</h2>
          <ul className="board-waiting__list">
            {data.waiting.map((w) => (
              <li key={w.serviceId} className="board-waiting__item" data-testid={`waiting-${w.serviceLetter}`}>
                <span className="service-letter" aria-hidden="true">
                  {w.serviceLetter}
                </span>
                <span className="board-waiting__name">{w.serviceName}</span>
                <span className="board-waiting__count">{t('display.people', { n: w.count })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data && data.counters.length > 0 && (
        <section className="board-counters" aria-labelledby="counters-title">
          <h2 id="counters-title">{t('display.countersTitle')}</h2>
          <ul className="board-counters__list">
            {data.counters.map((c) => (
              <li key={c.number} className={`board-counters__item board-counters__item--${c.state}`} data-testid={`counter-state-${c.number}`}>
                <span className="board-counters__name">{counterLabel({ counterNumber: c.number, counterName: c.name }, lang).main}</span>
                {/* The state in words, not by colour alone. */}
                <span className="board-counters__state">{t(COUNTER_STATE_LABELS[c.state])}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!soundOn && <SoundPrompt onEnable={enableSound} />}
    </div>
  );
}

const COUNTER_STATE_LABELS = {
  open: 'display.counterOpen',
  paused: 'display.counterPaused',
  closed: 'display.counterClosed',
} as const;

