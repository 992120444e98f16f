// 好差评 on the ticket's own page (its QR code, or the invitation text with ?via=message): after
// 办结 the rating form, once; then what was given; after the 7 days, that the time has passed.
import { useState } from 'react';
import type { RatingLevel } from '../../domain/rating.js';
import type { PublicTicketResponse } from '../../contracts/public-ticket.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { rateByToken } from '../api/rating-endpoints.js';
import { formatLongDate } from '../i18n/format.js';
import { useI18n } from '../i18n/i18n.js';
import { RatingForm } from '../rating/rating-form.js';
import type { RatingChoice } from '../rating/rating-logic.js';

type Given = { level: RatingLevel | null; followUp: boolean };

export function TicketRating({ ticket, token, via }: { ticket: PublicTicketResponse; token: string; via: 'web' | 'message' }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [given, setGiven] = useState<Given | null>(null);
  const rating = ticket.rating;
  if (!rating) return null;

  const send = (choice: RatingChoice) => {
    setBusy(true);
    setError(null);
    rateByToken(token, choice, via, { lang })
      .then((answer) => setGiven({ level: answer.level, followUp: answer.followUp }))
      .catch((e: unknown) => {
        // Rated a moment ago at the counter's 评价器: the next poll brings the level.
        if (e instanceof ApiError && e.code === 'ALREADY_RATED') setGiven({ level: null, followUp: false });
        else setError(e);
      })
      .finally(() => setBusy(false));
  };

  const level = given?.level ?? rating.level;
  if (given || rating.state === 'rated') {
    return (
      <section className="ticket-rating ticket-rating--done" data-testid="ticket-rating" aria-live="polite">
        <p className="ticket-rating__done">{level ? t('rate.rated', { level: t(`rate.level.${level}`) }) : t('rate.thanks')}</p>
        {given?.followUp && <p>{t('rate.followUp')}</p>}
      </section>
    );
  }
  if (rating.state === 'closed') {
    return ticket.state === 'served' ? (
      <section className="ticket-rating" data-testid="ticket-rating">
        <p className="ticket-rating__closed">{t('rate.closed')}</p>
      </section>
    ) : null;
  }
  return (
    <section className="ticket-rating" data-testid="ticket-rating" aria-labelledby="ticket-rating-title">
      <h2 id="ticket-rating-title">{t('rate.title')}</h2>
      <p className="ticket-rating__until">{t('rate.until', { date: formatLongDate(rating.until, lang) })}</p>
      <RatingForm busy={busy} error={error === null ? null : errorText(error, lang)} onSend={send} />
    </section>
  );
}
