// 优先 with its group, in words (never by colour alone): the ticket, the counter, the board, the page.
import type { PriorityGroup } from '../../domain/priority.js';
import { useI18n } from '../i18n/i18n.js';

export function PriorityBadge({ group, className = '' }: { group: PriorityGroup | null | undefined; className?: string }) {
  const { t } = useI18n();
  if (!group) return null;
  return (
    <span className={`priority-badge ${className}`.trim()} data-priority={group}>
      {t('priority.withGroup', { group: t(`priority.${group}`) })}
    </span>
  );
}
