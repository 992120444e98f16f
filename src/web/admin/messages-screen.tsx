// 短信记录: the hall's text messages to citizens, newest first, with counts by status at the top
// (each a filter), a status filter, "load older" paging by id, and 重发 on a failed message
// (asked first, then the list reloads). Phones arrive masked from the server.
import { useEffect, useId, useState } from 'react';
import type { NotificationEntry, NotificationStatus } from '../../contracts/notifications.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { AdminListState } from './admin-table.js';
import { getNotifications, resendNotification } from './admin-endpoints.js';
import { useAdminCall } from './admin-scope-context.js';
import { MESSAGES_PAGE, MESSAGE_STATUSES, appendOlder, kindName, olderCursor, statusFilterOf, statusName } from './messages-logic.js';
import { MessagesTable } from './messages-table.js';
import { ScreenHead } from './screen-head.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';

export function MessagesScreen() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { onStaffError } = useStaff();
  const id = useId();
  const [status, setStatus] = useState<NotificationStatus | ''>('');
  const filter = status ? { status } : {};
  const first = useAdminResource((c) => getNotifications({ ...filter, limit: MESSAGES_PAGE }, c), `messages:${status}`);
  const [more, setMore] = useState<{ entries: NotificationEntry[]; cursor: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [asking, setAsking] = useState<NotificationEntry | null>(null);
  const { busy, refusal, flash, setFlash, run } = useAdminAction({ onSuccess: () => first.reload(), onSettled: () => setAsking(null) });

  // A new first page (another filter, another hall, a reload) starts the list again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new first page is the trigger
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [first.data]);

  const entries = more?.entries ?? first.data?.notifications ?? [];
  const cursor = more ? more.cursor : first.data ? olderCursor(first.data.notifications) : null;
  const counts = first.data?.counts;

  const loadOlder = async () => {
    if (cursor === null || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getNotifications({ ...filter, before: cursor, limit: MESSAGES_PAGE }, call);
      setMore({ entries: appendOlder(entries, page.notifications), cursor: olderCursor(page.notifications) });
    } catch (error) {
      onStaffError(error);
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const resend = () => {
    if (!asking) return;
    const entry = asking;
    void run(async () => {
      await resendNotification(entry.id, call);
      setFlash(t('admin.msg.resent'));
    });
  };

  const choose = (value: NotificationStatus | '') => {
    setFlash(null);
    setStatus(value);
  };

  return (
    <section className="admin-screen" aria-busy={first.loading || loadingMore}>
      <ScreenHead id="messages" title={t('admin.tab.messages')} lead={t('admin.msg.lead')} />
      {counts && (
        <ul className="message-counts" aria-label={t('admin.msg.counts')} data-testid="message-counts">
          {MESSAGE_STATUSES.map((s) => (
            <li key={s}>
              <button
                type="button"
                className={`message-count message-count--${s}`}
                aria-pressed={status === s}
                data-status={s}
                onClick={() => choose(status === s ? '' : s)}
              >
                <span className="message-count__label">{statusName(s, lang)}</span>
                <span className="message-count__n">{counts[s]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="message-filter">
        <label className="field__label" htmlFor={`${id}-status`}>
          {t('admin.msg.filter')}
        </label>
        <select id={`${id}-status`} className="field__input" value={status} onChange={(e) => choose(statusFilterOf(e.target.value))}>
          <option value="">{t('admin.msg.all')}</option>
          {MESSAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s, lang)}
            </option>
          ))}
        </select>
      </div>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      <AdminListState resource={first} empty={entries.length === 0} none={status ? t('admin.msg.noneFiltered') : t('admin.msg.none')}>
        <MessagesTable entries={entries} busy={busy} onResend={setAsking} />
        {moreError !== null && <Banner tone="error" title={errorText(moreError, lang)} />}
        <p className="audit-more">
          {cursor !== null ? (
            <button type="button" className="button button--secondary" onClick={() => void loadOlder()} disabled={loadingMore} aria-busy={loadingMore}>
              {loadingMore ? t('common.loading') : t('admin.msg.more')}
            </button>
          ) : (
            <span className="muted">{t('admin.msg.end', { n: entries.length })}</span>
          )}
        </p>
      </AdminListState>
      <ConfirmDialog
        open={asking !== null}
        title={t('admin.msg.resendTitle')}
        confirmLabel={busy ? t('admin.msg.resending') : t('admin.msg.resendConfirm')}
        cancelLabel={t('admin.cancel')}
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={resend}
      >
        {asking && (
          <p>
            {t('admin.msg.resendQuestion', {
              kind: kindName(asking.kind, lang),
              number: asking.number ?? '—',
              phone: asking.phoneMasked ?? '—',
              error: asking.error ?? '—',
            })}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
