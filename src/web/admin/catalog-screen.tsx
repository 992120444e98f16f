// 服务目录: the city's services (a letter is the same service in every hall). City admins add and
// change them (the halls offering one take the new names); hall admins read it.
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { type CatalogEntry, getCatalog, saveCatalogEntry } from './admin-endpoints.js';
import { AdminListState, AdminTable } from './admin-table.js';
import { useAdminScope } from './admin-scope-context.js';
import { type CatalogDraft, catalogBody, catalogDraftOf, catalogProblems, freeCatalogLetters } from './catalog-form.js';
import { ScreenHead } from './screen-head.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';

function CatalogForm({ entry, free, onDone }: { entry: CatalogEntry | null; free: readonly string[]; onDone: (message: string | null) => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<CatalogDraft>(() => catalogDraftOf(entry, free));
  const [checked, setChecked] = useState(false);
  const saved = useRef<string | null>(null);
  const action = useAdminAction({ onSuccess: () => onDone(saved.current), onSettled: () => undefined });
  const problems = catalogProblems(draft);
  const set = (change: Partial<CatalogDraft>) => setDraft((d) => ({ ...d, ...change }));
  const words = (key: keyof CatalogDraft) => {
    const p = checked ? problems[key] : undefined;
    if (!p) return null;
    return p === 'RANGE' ? t('admin.problem.RANGE', { min: 0, max: 100000 }) : t(`admin.problem.${p}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || action.busy) return;
    void action.run(async () => {
      const answer = await saveCatalogEntry(draft.letter, catalogBody(draft), { lang });
      saved.current = t('admin.cat.saved', { letter: answer.letter, name: lang === 'en' ? answer.nameEn : answer.nameZh });
    });
  };
  const area = (key: 'bringZh' | 'bringEn') => (
    <div className={`field${words(key) ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {t(`admin.cat.${key}`)}
        <span className="field__optional"> {t('admin.optional')}</span>
      </label>
      <textarea id={`${id}-${key}`} className="field__input" rows={3} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />
      {words(key) && <p className="field__error">{words(key)}</p>}
    </div>
  );
  return (
    <form className="admin-panel sub-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{entry ? t('admin.cat.editTitle', { letter: entry.letter }) : t('admin.cat.addTitle')}</h2>
      {action.refusal !== null && <Banner tone="error" title={errorText(action.refusal, lang)} />}
      <div className="sub-form__grid">
        {entry ? null : (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-letter`}>
              {t('admin.cat.letter')}
            </label>
            <select id={`${id}-letter`} className="field__input" value={draft.letter} onChange={(e) => set({ letter: e.target.value })}>
              {free.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField label={t('admin.cat.nameZh')} value={draft.nameZh} maxLength={100} onChange={(e) => set({ nameZh: e.target.value })} error={words('nameZh')} />
        <TextField label={t('admin.cat.nameEn')} value={draft.nameEn} maxLength={100} onChange={(e) => set({ nameEn: e.target.value })} error={words('nameEn')} />
        <TextField
          label={t('admin.cat.sortOrder')}
          hint={t('admin.halls.sortOrderHint')}
          inputMode="numeric"
          optional
          optionalLabel={t('admin.optional')}
          value={draft.sortOrder}
          onChange={(e) => set({ sortOrder: e.target.value })}
          error={words('sortOrder')}
        />
        {area('bringZh')}
        {area('bringEn')}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy} aria-busy={action.busy}>
          {action.busy ? t('admin.saving') : t('admin.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

export function CatalogScreen() {
  const { t, lang } = useI18n();
  const { role } = useAdminScope();
  const canEdit = role === 'city_admin';
  const catalog = useAdminResource((call) => getCatalog(call), 'catalog');
  const [editing, setEditing] = useState<CatalogEntry | 'new' | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const entries = catalog.data?.entries ?? [];
  const free = freeCatalogLetters(entries);
  const open = (which: CatalogEntry | 'new') => {
    setFlash(null);
    setEditing(which);
  };

  return (
    <section className="admin-screen" aria-busy={catalog.loading}>
      <ScreenHead
        id="catalog"
        title={t('admin.tab.catalog')}
        lead={canEdit ? t('admin.cat.lead') : t('admin.cat.leadReadOnly')}
        actions={
          canEdit && (
            <button type="button" className="button button--primary" disabled={free.length === 0 || editing !== null} onClick={() => open('new')}>
              {t('admin.cat.add')}
            </button>
          )
        }
      />
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {editing !== null && (
        <CatalogForm
          key={editing === 'new' ? 'new' : editing.letter}
          entry={editing === 'new' ? null : editing}
          free={free}
          onDone={(message) => {
            setEditing(null);
            if (message) {
              setFlash(message);
              catalog.reload();
            }
          }}
        />
      )}
      <AdminListState resource={catalog} empty={entries.length === 0} none={t('admin.cat.empty')}>
        <AdminTable
          testId="catalog-table"
          caption={t('admin.cat.table')}
          head={
            <>
              <th scope="col">{t('admin.cat.letter')}</th>
              <th scope="col">{t('admin.svc.name')}</th>
              <th scope="col">{lang === 'en' ? t('admin.cat.bringEn') : t('admin.cat.bringZh')}</th>
              <th scope="col" className="num">
                {t('admin.cat.sortOrder')}
              </th>
            </>
          }
        >
          {entries.map((e) => (
            <tr key={e.letter} data-letter={e.letter}>
              <td>
                <span className="service-letter service-letter--small">{e.letter}</span>
              </td>
              <th scope="row">
                {lang === 'en' ? e.nameEn : e.nameZh}
                <span className="admin-table__sub">{lang === 'en' ? e.nameZh : e.nameEn}</span>
              </th>
              <td className="catalog-table__bring">{lang === 'en' ? e.bringEn : e.bringZh}</td>
              <td className="num">{e.sortOrder}</td>
              <td className="row-actions">
                {canEdit && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('admin.cat.editLabel', { letter: e.letter })}
                    disabled={editing !== null}
                    onClick={() => open(e)}
                  >
                    {t('admin.edit')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      </AdminListState>
    </section>
  );
}
