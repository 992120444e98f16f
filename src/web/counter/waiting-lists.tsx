// The counter's queues in call order: each number with how long it has waited, and a button to
// call that number out of order. Per service: today's served count and average service time.
import type { ServiceQueue } from '../../contracts/queue.js';
import { useI18n } from '../i18n/i18n.js';
import { formatAverageMinutes, formatMinutes } from '../i18n/format.js';
import { PriorityBadge } from '../ui/priority-badge.js';

export function WaitingLists({ queues, canCall, busy, onCall }: { queues: readonly ServiceQueue[]; canCall: boolean; busy: boolean; onCall: (number: string) => void }) {
  const { t, lang } = useI18n();
  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('desk.waitingTitle')}</h2>
      {queues.map((q) => (
        <section key={q.serviceId} className="queue" aria-labelledby={`queue-${q.serviceId}`}>
          <h3 id={`queue-${q.serviceId}`} className="queue__title">
            <span className="service-letter" aria-hidden="true">
              {q.serviceLetter}
            </span>
            <span>{q.serviceName}</span>
            <span className="queue__count">{t('desk.waitingCount', { n: q.waiting.length })}</span>
            {q.waiting.some((w) => w.overdue) && (
              <span className="tag tag--overdue">{t('desk.overdueCount', { n: q.waiting.filter((w) => w.overdue).length })}</span>
            )}
          </h3>
          <p className="queue__stats">
            <span>{t('desk.servedToday', { n: q.servedToday })}</span>
            <span>{t('desk.average', { time: formatAverageMinutes(q.averageServiceMinutes, lang) })}</span>
            <span>{t('desk.estimate', { time: formatMinutes(q.estimatedWaitMinutes, lang) })}</span>
          </p>
          {q.waiting.length === 0 ? (
            <p className="queue__empty">{t('desk.nobodyWaiting')}</p>
          ) : (
            <ol className="queue__list">
              {q.waiting.map((w, i) => {
                const short = w.callNumber;
                return (
                  <li
                    key={w.number}
                    className={w.overdue ? 'queue__row queue__row--overdue' : 'queue__row'}
                    data-number={w.number}
                    data-call-number={w.callNumber}
                    data-overdue={w.overdue || undefined}
                    data-priority={w.priority ?? undefined}
                  >
                    <span className="queue__pos" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="queue__number">
                      <strong>{short}</strong>
                      <span className="mono queue__full">{w.number}</span>
                    </span>
                    <span className="queue__kind">
                      {w.kind === 'booking' ? t('desk.kindBooking', { slot: w.slotStart ?? '' }) : t('desk.kindWalkIn')}
                      {w.transferred && <span className="tag tag--transferred">{t('desk.transferredIn')}</span>}
                      <PriorityBadge group={w.priority} className="tag" />
                    </span>
                    <span className="queue__waited">
                      {t('desk.waited', { time: formatMinutes(w.waitedMinutes, lang) })}
                      {/* Said in words, not by colour alone. */}
                      {w.overdue && <span className="tag tag--overdue">{t('desk.overdue', { max: q.maxWaitMinutes })}</span>}
                    </span>
                    <button
                      type="button"
                      className="button button--secondary queue__call"
                      disabled={!canCall || busy}
                      aria-label={t('desk.callThisLabel', { number: short })}
                      onClick={() => onCall(w.number)}
                    >
                      {t('desk.callThis')}
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}
