// 差评整改: every 差评 case not closed, and those opened in the range; overdue ones first, marked in
// words. Opening one shows its steps and the form for the next: 开始整改 (what will be done, who
// follows it up), 登记回访 (date, outcome, the citizen's satisfaction after), 办结 (closing note).
import { type FormEvent, useState } from 'react';
import { RATING_LEVELS, type RatingLevel } from '../../domain/rating.js';
import { type CaseState, nextCaseStates } from '../../domain/rating-case.js';
import { errorText } from '../api/error-text.js';
import { useHallZone } from '../hall/hall-zone.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { getStaff } from './admin-endpoints.js';
import { AdminListState, AdminTable, RowButton } from './admin-table.js';
import { useAdminCall } from './admin-scope-context.js';
import { hallDateTime } from './admin-time.js';
import { type CaseItem, type CaseStepBody, assignCase, getCases, stepCase } from './rating-endpoints.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';

/** Overdue first, then open ones by due date, then the closed, newest first. */
function ordered(cases: CaseItem[]): CaseItem[] {
  const rank = (c: CaseItem) => (c.overdue ? 0 : c.state === 'closed' ? 2 : 1);
  return [...cases].sort((a, b) => rank(a) - rank(b) || (rank(a) === 2 ? b.id - a.id : a.dueDate.localeCompare(b.dueDate)));
}

export function RatingCasesPanel({ from, to, onChanged }: { from: string; to: string; onChanged: () => void }) {
  const { t } = useI18n();
  const cases = useAdminResource((call) => getCases(from, to, call), `rating-cases:${from}:${to}`);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = ordered(cases.data?.cases ?? []);
  const open = list.find((c) => c.id === openId) ?? null;
  return (
    <section className="admin-panel" aria-labelledby="rating-cases-title">
      <h2 id="rating-cases-title">{t('admin.rate.casesTitle')}</h2>
      {cases.data && (
        <p className="admin-summary" data-testid="cases-summary">
          {t('admin.rate.casesSummary', { open: cases.data.open, overdue: cases.data.overdue })}
        </p>
      )}
      <AdminListState resource={cases} empty={list.length === 0} none={t('admin.rate.noCases')}>
        <AdminTable
          testId="cases-table"
          caption={t('admin.rate.casesTitle')}
          head={
            <>
              <th scope="col">{t('admin.rate.number')}</th>
              <th scope="col">{t('admin.rate.service')}</th>
              <th scope="col">{t('admin.rate.counter')}</th>
              <th scope="col">{t('admin.rate.level')}</th>
              <th scope="col">{t('admin.rate.state')}</th>
              <th scope="col">{t('admin.rate.due')}</th>
            </>
          }
        >
          {list.map((c) => (
            <tr key={c.id} className={c.overdue ? 'row--alert' : undefined} data-testid={`case-${c.number}`}>
              <th scope="row" className="mono">
                {c.number}
              </th>
              <td>{c.serviceName}</td>
              <td>
                {c.counterNumber ?? '—'} {c.staffName}
              </td>
              <td>
                {t(`rate.level.${c.level}`)}
                {c.reasons.length > 0 && ` (${c.reasons.map((r) => t(`rate.reason.${r}`)).join('、')})`}
              </td>
              <td>{t(`admin.rate.caseState.${c.state}`)}</td>
              <td>
                {c.dueDate}
                {c.overdue && <strong className="badge badge--danger"> {t('admin.rate.overdue')}</strong>}
              </td>
              <td className="row-actions">
                <RowButton tone="secondary" onClick={() => setOpenId(openId === c.id ? null : c.id)} aria-expanded={openId === c.id}>
                  {c.state === 'closed' ? t('admin.rate.view') : t('admin.rate.handle')}
                </RowButton>
              </td>
            </tr>
          ))}
        </AdminTable>
      </AdminListState>
      {open && (
        <CaseDetail
          key={`${open.id}:${open.state}`}
          item={open}
          onChanged={() => {
            cases.reload();
            onChanged();
          }}
        />
      )}
    </section>
  );
}

function CaseDetail({ item, onChanged }: { item: CaseItem; onChanged: () => void }) {
  const { t } = useI18n();
  const zone = useHallZone();
  return (
    <div className="sub-form" data-testid="case-detail">
      <h3>{t('admin.rate.caseTitle', { number: item.number })}</h3>
      {item.comment && <p>{t('admin.rate.citizenSaid', { text: item.comment })}</p>}
      <ol className="plain-list" aria-label={t('admin.rate.steps')}>
        {item.notes.map((n) => (
          <li key={`${n.at}:${n.to}`}>
            {hallDateTime(n.at, zone)} · {t(`admin.rate.caseState.${n.to}`)} · {n.from === null ? t('admin.rate.autoOpened') : `${n.actor}：${n.note}`}
          </li>
        ))}
      </ol>
      {item.revisit && (
        <p>{t('admin.rate.revisitText', { date: item.revisit.date, outcome: item.revisit.outcome, level: t(`rate.level.${item.revisit.level}`) })}</p>
      )}
      {item.state !== 'closed' && <AssignForm item={item} onChanged={onChanged} />}
      {nextCaseStates(item.state)
        .filter((to): to is Step => to !== 'open')
        .map((to) => (
          <StepForm key={to} item={item} to={to} onChanged={onChanged} />
        ))}
    </div>
  );
}

function AssignForm({ item, onChanged }: { item: CaseItem; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const staff = useAdminResource((c) => getStaff(c), 'admin-staff');
  const { busy, refusal, run } = useAdminAction({ onSuccess: onChanged, onSettled: () => {} });
  const people = (staff.data?.staff ?? []).filter((s) => s.active);
  return (
    <div className="field">
      <label className="field__label" htmlFor={`assignee-${item.id}`}>
        {t('admin.rate.assignee')}
      </label>
      <select
        id={`assignee-${item.id}`}
        className="field__input"
        value={item.assignee?.id ?? ''}
        disabled={busy}
        onChange={(e) =>
          void run(async () => {
            await assignCase(item.id, e.target.value === '' ? null : Number(e.target.value), call);
          })
        }
      >
        <option value="">{t('admin.rate.nobody')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName || p.username}
          </option>
        ))}
      </select>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
    </div>
  );
}

type Step = Exclude<CaseState, 'open'>;

function StepForm({ item, to, onChanged }: { item: CaseItem; to: Step; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const [revisitDate, setRevisitDate] = useState(item.openedAt.slice(0, 10));
  const [level, setLevel] = useState<RatingLevel>('satisfied');
  const { busy, refusal, run } = useAdminAction({ onSuccess: onChanged, onSettled: () => {} });
  const prefix = `step-${item.id}-${to}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CaseStepBody =
      to === 'revisited' ? { to, note, revisitDate, outcome, level } : to === 'rectifying' ? { to: 'rectifying', note } : { to: 'closed', note };
    void run(async () => {
      await stepCase(item.id, body, call);
    });
  };
  const ready = note.trim() !== '' && (to !== 'revisited' || outcome.trim() !== '');
  return (
    <form className="sub-form" onSubmit={submit} aria-label={t(`admin.rate.step.${to}`)} data-testid={prefix}>
      <h4>{t(`admin.rate.step.${to}`)}</h4>
      {to === 'revisited' && (
        <div className="sub-form__grid">
          <div className="field">
            <label className="field__label" htmlFor={`${prefix}-date`}>
              {t('admin.rate.revisitDate')}
            </label>
            <input id={`${prefix}-date`} className="field__input" type="date" value={revisitDate} onChange={(e) => setRevisitDate(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${prefix}-level`}>
              {t('admin.rate.revisitLevel')}
            </label>
            <select id={`${prefix}-level`} className="field__input" value={level} onChange={(e) => setLevel(e.target.value as RatingLevel)}>
              {RATING_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`rate.level.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${prefix}-outcome`}>
              {t('admin.rate.outcome')}
            </label>
            <input id={`${prefix}-outcome`} className="field__input" value={outcome} maxLength={500} onChange={(e) => setOutcome(e.target.value)} />
          </div>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${prefix}-note`}>
          {t(`admin.rate.note.${to}`)}
        </label>
        <textarea id={`${prefix}-note`} className="field__input" value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
      </div>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <button type="submit" className="button button--primary" disabled={busy || !ready}>
        {t(`admin.rate.step.${to}`)}
      </button>
    </form>
  );
}
