// 爽约管理: the hall's rule (editable), its 优先 rule beside it (the hall's other per-hall rule), the
// people blocked from booking online (masked), and lifting a block with a reason that goes to the audit log.
import { type FormEvent, useState } from 'react';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { AdminListState, AdminTable, RowButton } from './admin-table.js';
import { useAdminCall } from './admin-scope-context.js';
import { type BlockedPerson, type NoShowRuleBody, getBlockedPeople, getNoShowRule, liftNoShowBlock, setNoShowRule } from './no-show-endpoints.js';
import { PriorityRulePanel } from './priority-rule-panel.js';
import { RuleNumberField } from './rule-number-field.js';
import { ScreenHead } from './screen-head.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';

export function NoShowScreen() {
  const { t } = useI18n();
  return (
    <section className="admin-screen">
      <ScreenHead id="noShow" title={t('admin.noShow.title')} />
      <RulePanel />
      <PriorityRulePanel />
      <BlockedPanel />
    </section>
  );
}

const NUMBERS = ['limit', 'windowDays', 'blockDays', 'lateCancelMinutes'] as const;

function RulePanel() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const rule = useAdminResource((c) => getNoShowRule(c), 'admin-no-show-rule');
  const [draft, setDraft] = useState<NoShowRuleBody | null>(null);
  const { busy, refusal, flash, setFlash, run } = useAdminAction({ onSuccess: () => rule.reload(), onSettled: () => {} });
  const current = rule.data;
  const shown: NoShowRuleBody | null = draft ?? (current ? { ...current } : null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    const { limit, windowDays, blockDays, lateCancel, lateCancelMinutes } = shown;
    void run(async () => {
      await setNoShowRule({ limit, windowDays, blockDays, lateCancel, lateCancelMinutes }, call);
      setDraft(null);
      setFlash(t('admin.noShow.saved'));
    });
  };

  return (
    <section className="admin-panel" aria-labelledby="no-show-rule-title">
      <h2 id="no-show-rule-title">{t('admin.noShow.rule')}</h2>
      {current && (
        <p data-testid="no-show-rule">
          {current.limit > 0
            ? t('admin.noShow.ruleText', { limit: current.limit, window: current.windowDays, block: current.blockDays })
            : t('admin.noShow.ruleOff')}
          {'；'}
          {current.lateCancel ? t('admin.noShow.lateCancelOn', { minutes: current.lateCancelMinutes }) : t('admin.noShow.lateCancelOff')}
          {!current.own && ` ${t('admin.noShow.defaults')}`}
        </p>
      )}
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {shown && (
        <form className="sub-form" onSubmit={save}>
          <div className="sub-form__grid">
            {NUMBERS.map((key) => (
              <RuleNumberField
                key={key}
                id={`no-show-${key}`}
                label={t(`admin.noShow.${key}`)}
                min={key === 'windowDays' ? 1 : 0}
                value={shown[key]}
                onChange={(value) => setDraft({ ...shown, [key]: value })}
              />
            ))}
            <label className="field">
              <input type="checkbox" checked={shown.lateCancel} onChange={(e) => setDraft({ ...shown, lateCancel: e.target.checked })} />{' '}
              {t('admin.noShow.lateCancel')}
            </label>
          </div>
          <button type="submit" className="button button--primary" disabled={busy || draft === null}>
            {t('admin.noShow.save')}
          </button>
        </form>
      )}
    </section>
  );
}

function BlockedPanel() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const blocked = useAdminResource((c) => getBlockedPeople(c), 'admin-no-show-blocked');
  const [lifting, setLifting] = useState<BlockedPerson | null>(null);
  const [reason, setReason] = useState('');
  const { busy, refusal, flash, setFlash, run } = useAdminAction({ onSuccess: () => blocked.reload(), onSettled: () => {} });

  const lift = (event: FormEvent) => {
    event.preventDefault();
    if (!lifting) return;
    const person = lifting;
    void run(async () => {
      await liftNoShowBlock({ personKey: person.personKey, reason }, call);
      setLifting(null);
      setReason('');
      setFlash(t('admin.noShow.lifted', { id: person.idCardMasked }));
    });
  };

  const people = blocked.data?.people ?? [];
  return (
    <section className="admin-panel" aria-labelledby="no-show-blocked-title">
      <h2 id="no-show-blocked-title">{t('admin.noShow.blocked')}</h2>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      <AdminListState resource={blocked} empty={people.length === 0} none={t('admin.noShow.none')}>
        <AdminTable
          testId="no-show-table"
          caption={t('admin.noShow.blocked')}
          head={
            <>
              <th scope="col">{t('admin.noShow.idCard')}</th>
              <th scope="col">{t('admin.noShow.phone')}</th>
              <th scope="col">{t('admin.noShow.misses')}</th>
              <th scope="col">{t('admin.noShow.until')}</th>
            </>
          }
        >
          {people.map((p) => (
            <tr key={p.personKey}>
              <th scope="row" className="mono">
                {p.idCardMasked}
              </th>
              <td className="mono">{p.phoneMasked}</td>
              <td>
                <ul className="plain-list">
                  {p.misses.map((m) => (
                    <li key={m.number}>
                      {m.date} {m.service} · {t(`admin.noShow.kind.${m.kind}`)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{p.until}</td>
              <td className="row-actions">
                <RowButton tone="secondary" disabled={busy} onClick={() => setLifting(p)}>
                  {t('admin.noShow.lift')}
                </RowButton>
              </td>
            </tr>
          ))}
        </AdminTable>
      </AdminListState>
      {lifting && (
        <form className="sub-form" onSubmit={lift} aria-label={t('admin.noShow.liftTitle', { id: lifting.idCardMasked })}>
          <h3>{t('admin.noShow.liftTitle', { id: lifting.idCardMasked })}</h3>
          <div className="field">
            <label className="field__label" htmlFor="no-show-reason">
              {t('admin.noShow.reason')}
            </label>
            <input id="no-show-reason" className="field__input" value={reason} maxLength={200} required onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button button--primary" disabled={busy || reason.trim() === ''}>
            {t('admin.noShow.lift')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setLifting(null)}>
            {t('admin.cancel')}
          </button>
        </form>
      )}
    </section>
  );
}
