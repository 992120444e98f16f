// 优先规则: which groups the hall calls first (each on or off), from what age a citizen is 老年人,
// the two bounds on calling ahead and the 绿色通道 reserve. Saved at once for the next ticket.
import { type FormEvent, useState } from 'react';
import { PRIORITY_GROUPS, type PriorityGroup } from '../../domain/priority.js';
import { PRIORITY_RULE_BOUNDS } from '../../domain/priority-rule.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { useAdminCall } from './admin-scope-context.js';
import { type PriorityRuleBody, getPriorityRule, setPriorityRule } from './priority-endpoints.js';
import { RuleNumberField } from './rule-number-field.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';

const NUMBERS = ['age', 'maxPasses', 'maxExtraMinutes', 'reserve'] as const;

export function PriorityRulePanel() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const rule = useAdminResource((c) => getPriorityRule(c), 'admin-priority-rule');
  const [draft, setDraft] = useState<PriorityRuleBody | null>(null);
  const { busy, refusal, flash, setFlash, run } = useAdminAction({ onSuccess: () => rule.reload(), onSettled: () => {} });
  const current = rule.data;
  const shown: PriorityRuleBody | null =
    draft ?? (current ? { groups: current.groups, age: current.age, maxPasses: current.maxPasses, maxExtraMinutes: current.maxExtraMinutes, reserve: current.reserve } : null);
  const groupName = (g: PriorityGroup) => t(`priority.${g}`);

  const toggle = (g: PriorityGroup, on: boolean) => {
    if (!shown) return;
    setDraft({ ...shown, groups: PRIORITY_GROUPS.filter((x) => (x === g ? on : shown.groups.includes(x))) });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    void run(async () => {
      await setPriorityRule(shown, call);
      setDraft(null);
      setFlash(t('admin.prio.saved'));
    });
  };

  return (
    <section className="admin-panel" aria-labelledby="priority-rule-title">
      <h2 id="priority-rule-title">{t('admin.prio.rule')}</h2>
      <p>{t('admin.prio.lead')}</p>
      {current && (
        <p data-testid="priority-rule">
          {t('admin.prio.ruleText', {
            groups: current.groups.length > 0 ? current.groups.map(groupName).join('、') : t('admin.prio.groupsNone'),
            age: current.age,
            passes: current.maxPasses,
            minutes: current.maxExtraMinutes,
            reserve: current.reserve,
          })}
          {!current.own && ` ${t('admin.prio.defaults')}`}
        </p>
      )}
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {shown && (
        <form className="sub-form" onSubmit={save} aria-label={t('admin.prio.rule')}>
          <fieldset className="field">
            <legend className="field__label">{t('admin.prio.groups')}</legend>
            {PRIORITY_GROUPS.map((g) => (
              <label key={g} className="choice-inline">
                <input type="checkbox" checked={shown.groups.includes(g)} onChange={(e) => toggle(g, e.target.checked)} /> {groupName(g)}
              </label>
            ))}
          </fieldset>
          <div className="sub-form__grid">
            {NUMBERS.map((key) => (
              <RuleNumberField
                key={key}
                id={`priority-${key}`}
                label={t(`admin.prio.${key}`)}
                min={PRIORITY_RULE_BOUNDS[key][0]}
                max={PRIORITY_RULE_BOUNDS[key][1]}
                value={shown[key]}
                onChange={(value) => setDraft({ ...shown, [key]: value })}
              />
            ))}
          </div>
          <button type="submit" className="button button--primary" disabled={busy || draft === null}>
            {t('admin.prio.save')}
          </button>
        </form>
      )}
    </section>
  );
}
