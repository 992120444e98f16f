// 操作日志: who changed what and when, newest first; filter by dates, person and kind of
// action; "load more" pages back by id. Read-only: nothing here changes the log.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { type AuditRow, getAudit } from './admin-endpoints.js';
import { hallDateTime } from './admin-time.js';
import { useHallZone } from '../hall/hall-zone.js';
import { ACTION_GROUPS, AUDIT_PAGE, type AuditFilterDraft, NO_FILTER, actionName, appendPage, auditQuery, auditSummary, auditTarget, nextCursor } from './audit-logic.js';
import { ScreenHead } from './screen-head.js';
import { useAdminResource } from './use-admin-resource.js';
import { useAdminCall } from './admin-scope-context.js';

export function AuditScreen() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const zone = useHallZone();
  const { onStaffError } = useStaff();
  const id = useId();
  const [draft, setDraft] = useState<AuditFilterDraft>(NO_FILTER);
  const [applied, setApplied] = useState<AuditFilterDraft>(NO_FILTER);
  const query = auditQuery(applied);
  const first = useAdminResource((call) => getAudit(query, { limit: AUDIT_PAGE }, call), `audit:${JSON.stringify(query)}`);
  const [more, setMore] = useState<{ entries: AuditRow[]; cursor: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  // A new first page (new filter, or a reload) starts the list again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new first page is the trigger
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [first.data]);

  const entries = more?.entries ?? first.data?.entries ?? [];
  const cursor = more ? more.cursor : first.data ? nextCursor(first.data.entries) : null;

  const loadMore = async () => {
    if (cursor === null || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getAudit(query, { before: cursor, limit: AUDIT_PAGE }, call);
      setMore({ entries: appendPage(entries, page.entries), cursor: nextCursor(page.entries) });
    } catch (error) {
      onStaffError(error);
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };
  const set = (key: keyof AuditFilterDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const filtered = Object.keys(query).length > 0;

  return (
    <section className="admin-screen" aria-busy={first.loading || loadingMore}>
      <ScreenHead id="audit" title={t('admin.tab.audit')} lead={t('admin.audit.lead')} />
      <form className="admin-panel audit-filter" onSubmit={submit} noValidate aria-label={t('admin.audit.filter')}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-from`}>
            {t('admin.rep.from')}
          </label>
          <input id={`${id}-from`} type="date" className="field__input" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            {t('admin.rep.to')}
          </label>
          <input id={`${id}-to`} type="date" className="field__input" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-actor`}>
            {t('admin.audit.actor')}
          </label>
          <input
            id={`${id}-actor`}
            className="field__input"
            value={draft.actor}
            maxLength={60}
            autoCapitalize="none"
            spellCheck="false"
            onChange={(e) => set('actor', e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-action`}>
            {t('admin.audit.action')}
          </label>
          <select id={`${id}-action`} className="field__input" value={draft.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('admin.audit.allActions')}</option>
            {ACTION_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`admin.audit.group.${g.slice(0, -1) as 'service' | 'calendar' | 'staff' | 'device' | 'ticket'}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="audit-filter__buttons">
          <button type="submit" className="button button--primary">
            {t('admin.audit.apply')}
          </button>
          {filtered && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setDraft(NO_FILTER);
                setApplied(NO_FILTER);
              }}
            >
              {t('admin.audit.clear')}
            </button>
          )}
        </div>
      </form>

      {!first.data ? (
        first.error !== null ? (
          <LoadFailed error={first.error} onRetry={first.reload} />
        ) : (
          <Loading />
        )
      ) : entries.length === 0 ? (
        <p className="admin-empty">{filtered ? t('admin.audit.noneFiltered') : t('admin.audit.none')}</p>
      ) : (
        <>
          {first.error !== null && <LoadFailed error={first.error} onRetry={first.reload} />}
          <div className="admin-table-wrap">
            <table className="admin-table audit-table" data-testid="audit-table">
              <caption className="visually-hidden">{t('admin.tab.audit')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.target')}</th>
                  <th scope="col">{t('admin.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td className="nowrap">{hallDateTime(e.at, zone)}</td>
                    <td className="mono">{e.actor}</td>
                    <td>{actionName(e.action, lang)}</td>
                    <td className={e.names?.target ? '' : 'mono'}>{auditTarget(e)}</td>
                    <td className="audit-table__details">
                      <span>{auditSummary(e, lang)}</span>
                      {Object.keys(e.details).length > 0 && (
                        <details>
                          <summary>{t('admin.audit.raw')}</summary>
                          <pre>{JSON.stringify(e.details, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moreError !== null && <Banner tone="error" title={errorText(moreError, lang)} />}
          <p className="audit-more">
            {cursor !== null ? (
              <button type="button" className="button button--secondary" onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore}>
                {loadingMore ? t('common.loading') : t('admin.audit.more')}
              </button>
            ) : (
              <span className="muted">{t('admin.audit.end', { n: entries.length })}</span>
            )}
          </p>
        </>
      )}
    </section>
  );
}
