// The 评价器 at a counter, facing the citizen: at rest it names the counter and asks for a rating;
// when the counter completes a ticket it shows the number, the service and who served, and the
// five levels as big buttons; then thanks, and rest again. Errors are said in words.
import { useEffect, useState } from 'react';
import { hallTime } from '../../domain/schedule.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { rateAtCounter } from '../api/rating-endpoints.js';
import { useHallZone } from '../hall/hall-zone.js';
import { useI18n } from '../i18n/i18n.js';
import { RatingForm } from '../rating/rating-form.js';
import type { RatingChoice } from '../rating/rating-logic.js';
import { LangSwitch } from '../ui/lang-switch.js';
import type { EvalTicket } from './evaluator-logic.js';
import { type EvaluatorPlace, useEvaluator } from './use-evaluator.js';

/** The hall's time (its zone, never the device's own), by this device's clock. */
function Clock() {
  const zone = useHallZone();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const tick = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(tick);
  }, []);
  const time = zone ? hallTime(now, zone).time : '';
  return (
    <time className="evaluator-header__clock" data-testid="evaluator-clock">
      {time}
    </time>
  );
}

function counterTitle(place: EvaluatorPlace, t: ReturnType<typeof useI18n>['t']): { main: string; name: string | null } {
  const main = t('eval.counter', { n: place.counterNumber });
  return { main, name: place.counterName && place.counterName !== main ? place.counterName : null };
}

function Idle({ place }: { place: EvaluatorPlace | null }) {
  const { t } = useI18n();
  const title = place ? counterTitle(place, t) : null;
  return (
    <section className="evaluator-idle" data-testid="evaluator-idle">
      {title && (
        <p className="evaluator-idle__counter">
          {title.main}
          {title.name && <span className="evaluator-idle__name">{title.name}</span>}
        </p>
      )}
      <h1 className="evaluator-idle__hint">{t('eval.idleHint')}</h1>
    </section>
  );
}

function Rating({ ticket, onRated, onRatedElsewhere, onTouch }: { ticket: EvalTicket; onRated: (followUp: boolean) => void; onRatedElsewhere: () => void; onTouch: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = (choice: RatingChoice) => {
    setBusy(true);
    setError(null);
    rateAtCounter(ticket.number, choice, { lang })
      .then((answer) => onRated(answer.followUp))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'ALREADY_RATED') onRatedElsewhere();
        else setError(e);
      })
      .finally(() => setBusy(false));
  };
  return (
    <section className="evaluator-rating" data-testid="evaluator-rating" aria-labelledby="evaluator-rating-title">
      <h1 className="evaluator-rating__title" id="evaluator-rating-title">
        {t('rate.title')}
      </h1>
      <dl className="evaluator-ticket">
        <div>
          <dt>{t('eval.number')}</dt>
          <dd>
            <span className="evaluator-ticket__call" data-testid="evaluator-call-number">
              {ticket.callNumber}
            </span>
            <span className="evaluator-ticket__number">{ticket.number}</span>
          </dd>
        </div>
        <div>
          <dt>{t('eval.service')}</dt>
          <dd>{ticket.serviceName}</dd>
        </div>
        <div>
          <dt>{t('eval.staff')}</dt>
          <dd data-testid="evaluator-staff">{ticket.staffName}</dd>
        </div>
      </dl>
      <RatingForm size="large" busy={busy} error={error === null ? null : errorText(error, lang)} onSend={send} onTouch={onTouch} />
    </section>
  );
}

function Thanks({ followUp }: { followUp: boolean }) {
  const { t } = useI18n();
  return (
    <section className="evaluator-thanks" data-testid="evaluator-thanks">
      <h1 className="evaluator-thanks__title" role="status">
        {t('rate.thanks')}
      </h1>
      {followUp && <p className="evaluator-thanks__lead">{t('rate.followUp')}</p>}
    </section>
  );
}

export function EvaluatorScreen({ onDenied }: { onDenied: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { state, place, offline, dispatch } = useEvaluator(lang, onDenied);
  const { phase } = state;
  // The next citizen starts in Chinese.
  useEffect(() => {
    if (phase.kind === 'idle') setLang('zh');
  }, [phase.kind, setLang]);

  return (
    <div className={`evaluator evaluator--${phase.kind}`}>
      <header className="evaluator-header">
        <span className="evaluator-header__hall">{place?.hallName ?? ''}</span>
        {place && phase.kind !== 'idle' && <span className="evaluator-header__counter">{counterTitle(place, t).main}</span>}
        <Clock />
        <LangSwitch className="evaluator-header__lang" />
      </header>
      {offline && (
        <p className="evaluator-offline" role="alert">
          {t('eval.offline')}
        </p>
      )}
      <main className="evaluator-main" id="main">
        {phase.kind === 'rating' ? (
          <Rating
            key={phase.ticket.number}
            ticket={phase.ticket}
            onTouch={() => dispatch({ type: 'touched', now: Date.now() })}
            onRated={(followUp) => dispatch({ type: 'rated', number: phase.ticket.number, followUp, now: Date.now() })}
            onRatedElsewhere={() => dispatch({ type: 'ratedElsewhere', number: phase.ticket.number, now: Date.now() })}
          />
        ) : phase.kind === 'thanks' ? (
          <Thanks followUp={phase.followUp} />
        ) : (
          <Idle place={place} />
        )}
      </main>
    </div>
  );
}
