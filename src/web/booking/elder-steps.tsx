// 长辈版 books one decision at a time: which day, then what time, then who (ID card and phone). Each
// step says where the citizen is (第 2 步，共 3 步) in plain words, shows what was chosen before with
// a big button to change it, and takes the focus so a screen reader starts at the step.
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate, formatSlot } from '../i18n/format.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';

export type ElderStep = 'date' | 'slot' | 'form';

const NUMBER: Record<ElderStep, number> = { date: 1, slot: 2, form: 3 };

/** The step to show: the form needs a slot still bookable, the slots a day with places. */
export function shownStep(step: ElderStep, dayOpen: boolean, slotChosen: boolean): ElderStep {
  if (!dayOpen) return 'date';
  if (step === 'form' && !slotChosen) return 'slot';
  return step;
}

export function ElderStepHead({
  step,
  date,
  slot,
  onBack,
}: {
  step: ElderStep;
  date: string;
  slot: { start: string; end: string } | null;
  onBack: (to: ElderStep) => void;
}) {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>(`elder-${step}`);
  return (
    <div className="elder-step" data-testid="elder-step">
      <p className="elder-step__count">{t('elder.stepOf', { n: NUMBER[step], total: 3 })}</p>
      <h2 ref={heading} tabIndex={-1} className="elder-step__title">
        {t(`elder.step.${step}`)}
      </h2>
      {step !== 'date' && (
        <div className="elder-step__chosen">
          <p>
            {t('elder.chosenDay')} <strong>{formatShortDate(date, lang)}</strong>
          </p>
          <button type="button" className="button button--secondary" onClick={() => onBack('date')}>
            {t('elder.changeDay')}
          </button>
        </div>
      )}
      {step === 'form' && slot && (
        <div className="elder-step__chosen">
          <p>
            {t('elder.chosenTime')} <strong>{formatSlot(slot.start, slot.end)}</strong>
          </p>
          <button type="button" className="button button--secondary" onClick={() => onBack('slot')}>
            {t('elder.changeTime')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Goes on with what is chosen already (a chosen chip does not fire again when pressed). */
export function ElderNext({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button--primary button--block elder-step__next" onClick={onClick}>
      {t('elder.next')}
    </button>
  );
}
