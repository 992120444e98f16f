// 现场取号: today's services with walk-in numbers left; the others greyed and not tappable, with
// why: 今日已取完, 09:00 开始取号 (before opening, over lunch), 今日已结束, 今日不办理.
import { useEffect, useState } from 'react';
import type { Ticket } from '../../contracts/kiosk.js';
import type { ServiceSummary } from '../../contracts/services.js';
import { DEFAULT_PRIORITY_AGE, isElderlyIdCard } from '../../domain/priority.js';
import { getServices, kioskWalkIn } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { useLiveReload } from '../live/use-live.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { useResource } from '../ui/use-resource.js';
import { type KioskPriority, PriorityChoice, sentPriority } from './priority-choice.js';
import { OPENING_RECHECK_MS, walkInState } from './walk-in-logic.js';

/**
 * `idCard`: typed at 预约取号 before coming here; the server decides 优先 · 老年人 from it and, when
 * the quota is used up, gives a number from the 绿色通道 reserve (a full service stays tappable).
 */
export function WalkInScreen({
  idCard,
  priority: initial = 'auto',
  onTicket,
  onRefused,
}: { idCard?: string | undefined; priority?: KioskPriority | undefined; onTicket: (ticket: Ticket) => void; onRefused: (error: unknown) => void }) {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('walkin');
  const res = useResource((signal) => getServices(undefined, { lang, signal }), 'walkin');
  // Numbers taken at another kiosk, or the day closing, change what is left.
  useLiveReload('hall', res.reload, { relevant: (e) => e.type === 'ticket.walk_in' || e.type === 'day.closed' });
  // A service opening later today turns tappable on time without anyone touching the screen.
  const opensLater = res.data?.services.some((s) => walkInState(s) === 'later') ?? false;
  const { reload } = res;
  useEffect(() => {
    if (!opensLater) return;
    const timer = window.setInterval(reload, OPENING_RECHECK_MS);
    return () => window.clearInterval(timer);
  }, [opensLater, reload]);
  const [sending, setSending] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [priority, setPriority] = useState<KioskPriority>(initial);
  // 老年人 by the ID card (not declined): a service whose quota is used up still gives a number from its reserve.
  const data = res.data;
  const groups = data?.priorityGroups;
  const greenLane =
    idCard !== undefined &&
    priority === 'auto' &&
    !!data &&
    (groups === undefined || groups.includes('elderly')) &&
    isElderlyIdCard(idCard, data.today, data.priorityAge ?? DEFAULT_PRIORITY_AGE);
  const byGreenLane = (s: ServiceSummary) => greenLane && walkInState(s) === 'full' && (s.walkIn.priorityLeft ?? 0) > 0;

  const take = async (service: ServiceSummary) => {
    if (sending !== null) return;
    setSending(service.id);
    setRefusal(null);
    try {
      const field = sentPriority(priority, groups);
      const answer = await kioskWalkIn(service.id, { lang }, { ...(idCard ? { idCard } : {}), ...(field ? { priority: field } : {}) });
      onTicket(answer.ticket);
    } catch (error) {
      setRefusal(error);
      setSending(null);
      res.reload();
      onRefused(error);
    }
  };

  const note = (s: ServiceSummary) => {
    const state = walkInState(s);
    if (byGreenLane(s)) return t('priority.greenLane', { n: s.walkIn.priorityLeft ?? 0 });
    if (state === 'closed') return t('kiosk.walkInClosed');
    if (state === 'full') return t('kiosk.walkInFull');
    if (state === 'later') return t('kiosk.walkInOpensAt', { time: s.walkIn.opensAt ?? '' });
    if (state === 'over') return t('kiosk.walkInOver');
    const left = t('kiosk.walkInLeft', { n: s.walkIn.remaining });
    // Places of bookings nobody came for, added to today's walk-ins.
    return s.walkIn.released ? `${left} · ${t('kiosk.walkInReleased', { n: s.walkIn.released })}` : left;
  };

  return (
    <section className="kiosk-walkin" aria-busy={res.loading}>
      <h1 ref={heading} tabIndex={-1} className="kiosk-title">
        {t('kiosk.walkIn')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.chooseService')}</p>
      <PriorityChoice value={priority} onChange={setPriority} disabled={sending !== null} groups={groups} />
      {refusal !== null && (
        <p className="kiosk-refusal kiosk-refusal__title" role="alert">
          {errorText(refusal, lang)}
        </p>
      )}
      {res.error !== null && (
        <div className="kiosk-refusal" role="alert">
          <p className="kiosk-refusal__title">{errorText(res.error, lang)}</p>
          <button type="button" className="kiosk-button" onClick={res.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!res.data && res.loading && (
        <p className="kiosk-lead" role="status">
          {t('common.loading')}
        </p>
      )}
      {res.data && (
        <div className="kiosk-services">
          {res.data.services.map((s) => {
            const state = walkInState(s);
            return (
              <button
                key={s.id}
                type="button"
                className={`kiosk-service kiosk-service--${byGreenLane(s) ? 'available' : state}`}
                disabled={(state !== 'available' && !byGreenLane(s)) || sending !== null}
                aria-busy={sending === s.id}
                onClick={() => void take(s)}
              >
                <span className="kiosk-service__letter" aria-hidden="true">
                  {s.letter}
                </span>
                <span className="kiosk-service__name">{localName(s, lang)}</span>
                <span className="kiosk-service__note">{sending === s.id ? t('kiosk.issuing') : note(s)}</span>
              </button>
            );
          })}
        </div>
      )}
    </section>
  );
}
