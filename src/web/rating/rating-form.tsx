// The five levels as big buttons with words (not colour only). A good rating is sent at once; a
// 差评 (不满意 / 非常不满意) opens the four reasons as toggle buttons (at least one) and an optional
// comment with its count, then 提交. Used by the counter's 评价器 and the ticket page.
import { useId, useState } from 'react';
import { RATING_LEVELS, RATING_REASONS, isNegative } from '../../domain/rating.js';
import { useI18n } from '../i18n/i18n.js';
import { EMPTY_DRAFT, RATING_COMMENT_MAX, type RatingChoice, type RatingDraft, chooseLevel, commentLength, draftChoice, draftProblem, toggleReason } from './rating-logic.js';

export interface RatingFormProps {
  /** Sends the rating; the screen says what happened (thanks, or the error in `error`). */
  onSend: (choice: RatingChoice) => void;
  busy: boolean;
  /** The last refusal in words, or null. */
  error: string | null;
  /** Anything the citizen does (the 评价器 keeps the screen while they are at it). */
  onTouch?: () => void;
  /** 'large' on the 评价器 (a touch screen at the counter), 'normal' on a phone. */
  size?: 'large' | 'normal';
}

export function RatingForm({ onSend, busy, error, onTouch, size = 'normal' }: RatingFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<RatingDraft>(EMPTY_DRAFT);
  const [checked, setChecked] = useState(false);
  const change = (next: RatingDraft) => {
    setDraft(next);
    onTouch?.();
  };
  const negative = draft.level !== null && isNegative(draft.level);
  const problem = checked ? draftProblem(draft) : null;
  const length = commentLength(draft.comment);

  const submit = () => {
    setChecked(true);
    onTouch?.();
    const choice = draftChoice(draft);
    if (choice && !busy) onSend(choice);
  };

  return (
    <div className={`rating-form rating-form--${size}`} data-testid="rating-form">
      <fieldset className="rating-levels">
        <legend className="visually-hidden">{t('rate.levels')}</legend>
        {RATING_LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className={`rating-level rating-level--${level}`}
            aria-pressed={draft.level === level}
            disabled={busy}
            onClick={() => {
              const step = chooseLevel(draft, level);
              setChecked(false);
              change(step.draft);
              if (step.send) onSend(step.send);
            }}
          >
            {t(`rate.level.${level}`)}
          </button>
        ))}
      </fieldset>
      {negative && (
        <form
          className="rating-more"
          noValidate
          aria-labelledby={`${id}-reasons`}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset className="rating-reasons">
            <legend className="rating-more__title" id={`${id}-reasons`}>
              {t('rate.reasonsTitle')}
            </legend>
            {RATING_REASONS.map((reason) => (
              <button
                key={reason}
                type="button"
                className="rating-reason"
                aria-pressed={draft.reasons.includes(reason)}
                disabled={busy}
                onClick={() => change({ ...draft, reasons: toggleReason(draft.reasons, reason) })}
              >
                <span className="rating-reason__tick" aria-hidden="true">
                  {draft.reasons.includes(reason) ? '✓' : ''}
                </span>
                {t(`rate.reason.${reason}`)}
              </button>
            ))}
          </fieldset>
          {problem === 'REASON_REQUIRED' && (
            <p className="rating-problem" role="alert">
              {t('rate.problem.REASON_REQUIRED')}
            </p>
          )}
          <label className="rating-comment" htmlFor={`${id}-comment`}>
            <span className="rating-comment__label">{t('rate.commentLabel')}</span>
            <span className="rating-comment__hint">{t('rate.commentHint')}</span>
          </label>
          <textarea
            id={`${id}-comment`}
            className="rating-comment__input"
            rows={size === 'large' ? 2 : 3}
            value={draft.comment}
            disabled={busy}
            aria-describedby={`${id}-count`}
            aria-invalid={length > RATING_COMMENT_MAX}
            onChange={(e) => change({ ...draft, comment: e.target.value })}
          />
          <p id={`${id}-count`} className={`rating-comment__count${length > RATING_COMMENT_MAX ? ' rating-comment__count--over' : ''}`}>
            {t('rate.commentCount', { n: length, max: RATING_COMMENT_MAX })}
          </p>
          {problem === 'COMMENT_TOO_LONG' && (
            <p className="rating-problem" role="alert">
              {t('rate.problem.COMMENT_TOO_LONG', { max: RATING_COMMENT_MAX })}
            </p>
          )}
          <div className="rating-more__actions">
            <button type="submit" className="rating-submit" disabled={busy} aria-busy={busy}>
              {busy ? t('rate.submitting') : t('rate.submit')}
            </button>
            <button type="button" className="rating-change" disabled={busy} onClick={() => change(EMPTY_DRAFT)}>
              {t('rate.change')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="rating-problem" role="alert" data-testid="rating-error">
          {error}
        </p>
      )}
    </div>
  );
}
