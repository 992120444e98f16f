import type { LiveStatus } from '../live/live-connection.js';
import { useI18n } from '../i18n/i18n.js';

/** The live connection in a word: quiet while live (or a small dot with `showLive`), loud while lost. */
export function LiveBadge({ status, showLive = false, className = '' }: { status: LiveStatus; showLive?: boolean; className?: string }) {
  const { t } = useI18n();
  if (status === 'connecting' || (status === 'live' && !showLive)) return null;
  const text = status === 'live' ? t('live.on') : status === 'denied' ? t('live.denied') : t('live.reconnecting');
  return (
    <span className={`live-badge live-badge--${status} ${className}`.trim()} role="status">
      <span className="live-badge__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
