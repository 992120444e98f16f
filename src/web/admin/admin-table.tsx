// The pieces the admin lists share: the load / empty states of a list, the table around its rows
// (a hidden caption and a last, unlabelled column for each row's actions), and a small row button.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import type { Resource } from '../ui/use-resource.js';

/** Loading or its failure until `resource` has data; then `none` for an empty list, else the list. */
export function AdminListState<T>({ resource, empty, none, children }: { resource: Resource<T>; empty: boolean; none: string; children: ReactNode }) {
  if (!resource.data) return resource.error !== null ? <LoadFailed error={resource.error} onRetry={resource.reload} /> : <Loading />;
  if (empty) return <p className="admin-empty">{none}</p>;
  return <>{children}</>;
}

/** `head` holds the column headers; the row-actions header is added after them. */
export function AdminTable({
  className,
  testId,
  caption,
  head,
  children,
}: { className?: string; testId: string; caption: string; head: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="admin-table-wrap">
      <table className={className ? `admin-table ${className}` : 'admin-table'} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head}
            <th scope="col">
              <span className="visually-hidden">{t('admin.svc.rowActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A small button in a row's actions cell. */
export function RowButton({ tone, ...button }: ButtonHTMLAttributes<HTMLButtonElement> & { tone: 'secondary' | 'danger-outline' }) {
  return <button type="button" className={`button button--${tone} button--small`} {...button} />;
}
