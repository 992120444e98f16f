// 好差评: the hall's 差评 cases to follow up (overdue ones first and marked), its satisfaction figures
// by service, counter, staff member and day (and every hall's, for a city admin), and the latest
// ratings. The range is the tickets' days: the last 30 days unless changed.
import { type FormEvent, useId, useState } from 'react';
import { addDays, isValidDate } from '../../domain/schedule.js';
import { useI18n } from '../i18n/i18n.js';
import { RatingCasesPanel } from './rating-cases-panel.js';
import { LatestRatingsPanel, SatisfactionPanel } from './satisfaction-panel.js';
import { ScreenHead } from './screen-head.js';

export function RatingsScreen({ today, city }: { today: string; city: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [range, setRange] = useState({ from: addDays(today, -29), to: today });
  const [draft, setDraft] = useState(range);
  // A case step changes the 整改率 and 回访率: the figures are read again after each.
  const [version, setVersion] = useState(0);
  const valid = isValidDate(draft.from) && isValidDate(draft.to) && draft.from <= draft.to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) setRange(draft);
  };
  return (
    <section className="admin-screen">
      <ScreenHead id="ratings" title={t('admin.rate.title')} lead={t('admin.rate.lead')} />
      <form className="admin-range" onSubmit={submit} aria-label={t('admin.rate.range')}>
        <label htmlFor={`${id}-from`}>{t('admin.rate.from')}</label>
        <input id={`${id}-from`} className="field__input" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <label htmlFor={`${id}-to`}>{t('admin.rate.to')}</label>
        <input id={`${id}-to`} className="field__input" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit" className="button button--secondary button--small" disabled={!valid}>
          {t('admin.rate.show')}
        </button>
      </form>
      <RatingCasesPanel from={range.from} to={range.to} onChanged={() => setVersion((v) => v + 1)} />
      <SatisfactionPanel from={range.from} to={range.to} city={city} version={version} />
      <LatestRatingsPanel from={range.from} to={range.to} />
    </section>
  );
}
