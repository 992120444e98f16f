// 代办: booking for someone else. Ticked, the form asks for the agent's own ID card and their
// relation to the person; the ID card above is then the person's and the phone the agent's (the
// texts go to it). The agent's card is checked by the same rules as any.
import { useI18n } from '../i18n/i18n.js';
import { TextField } from '../ui/text-field.js';

export type AgentRelation = 'child' | 'spouse' | 'other';
export const AGENT_RELATIONS: readonly AgentRelation[] = ['child', 'spouse', 'other'];

export interface AgentDraft {
  on: boolean;
  idCard: string;
  relation: AgentRelation;
}

export function AgentFields({
  draft,
  error,
  onChange,
  onBlur,
}: {
  draft: AgentDraft;
  error: string | null;
  onChange: (next: AgentDraft) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="agent-fields">
      <legend className="visually-hidden">{t('agent.title')}</legend>
      <label className="agent-fields__switch">
        <input type="checkbox" checked={draft.on} onChange={(e) => onChange({ ...draft, on: e.target.checked })} /> {t('agent.switch')}
      </label>
      {draft.on && (
        <>
          <p className="agent-fields__lead">{t('agent.lead')}</p>
          <TextField
            id="booking-agent-idCard"
            label={t('agent.idCard')}
            value={draft.idCard}
            onChange={(e) => onChange({ ...draft, idCard: e.target.value })}
            onBlur={onBlur}
            error={error}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck="false"
            maxLength={24}
          />
          <fieldset className="agent-fields__relation">
            <legend>{t('agent.relation')}</legend>
            {AGENT_RELATIONS.map((r) => (
              <label key={r} className="choice">
                <input type="radio" name="agent-relation" value={r} checked={draft.relation === r} onChange={() => onChange({ ...draft, relation: r })} />{' '}
                {t(`agent.relation.${r}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
