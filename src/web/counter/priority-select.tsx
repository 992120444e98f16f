// 优先类别 of the ticket at the counter: staff check what the citizen declared at the kiosk (残疾人,
// 孕妇, 军人) and set, correct or clear it here; reports count it.
import { useState } from 'react';
import type { Ticket } from '../../contracts/kiosk.js';
import { PRIORITY_GROUPS, type PriorityGroup, isPriorityGroup } from '../../domain/priority.js';
import { errorText } from '../api/error-text.js';
import { setTicketPriority } from '../api/queue-endpoints.js';
import { useI18n } from '../i18n/i18n.js';

export function PrioritySelect({ ticket, onChanged, onError }: { ticket: Ticket; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t, lang } = useI18n();
  const [saving, setSaving] = useState(false);
  const [said, setSaid] = useState('');
  const change = async (raw: string) => {
    const next: PriorityGroup | null = isPriorityGroup(raw) ? raw : null;
    setSaving(true);
    try {
      await setTicketPriority(ticket.number, next, { lang });
      setSaid(next ? t('priority.saved', { what: t('priority.withGroup', { group: t(`priority.${next}`) }) }) : t('priority.cleared'));
      onChanged();
    } catch (error) {
      setSaid(errorText(error, lang));
      onError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <p className="current__priority">
      <label>
        <span>{t('priority.set')}</span>{' '}
        <select value={ticket.priority ?? ''} disabled={saving} onChange={(e) => void change(e.target.value)} data-testid="priority-select">
          <option value="">{t('priority.setNone')}</option>
          {PRIORITY_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`priority.${g}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <span role="status">{said}</span>
    </p>
  );
}
