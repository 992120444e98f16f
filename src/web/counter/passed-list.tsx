// Today's passed (过号) numbers of this counter's services: when the person comes back, one
// click puts the number back in its queue (once per number, behind a few who are waiting).
import type { PassedTicket } from '../../contracts/queue.js';
import { useI18n } from '../i18n/i18n.js';

export function PassedList({ passed, busy, onRequeue }: { passed: readonly PassedTicket[]; busy: boolean; onRequeue: (number: string) => void }) {
  const { t } = useI18n();
  if (passed.length === 0) return null;
  return (
    <section className="waiting passed" aria-labelledby="passed-title">
      <h2 id="passed-title" className="queue__title">
        {t('desk.passedTitle')}
      </h2>
      <p className="queue__meta">{t('desk.passedHint')}</p>
      <ol className="queue__list">
        {passed.map((p) => (
          <li key={p.number} className="queue__row" data-number={p.number}>
            <span className="queue__number">
              <strong>{p.callNumber}</strong>
              <span className="mono queue__full">{p.number}</span>
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              aria-label={t('desk.requeueLabel', { number: p.callNumber })}
              onClick={() => onRequeue(p.number)}
            >
              {t('desk.requeue')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
