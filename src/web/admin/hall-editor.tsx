// 大厅 · one hall: a new one (code, names, district, address, phone, time zone, hours, order and the
// catalogue services it offers) or an existing one's details. Checked as typed; the server's
// refusal (a taken code …) is said above the form.
import { type FormEvent, useState } from 'react';
import type { AdminHall } from '../../contracts/admin-halls.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/translate.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { type CatalogEntry, createHall, updateHall } from './admin-endpoints.js';
import { useStaff } from '../staff/use-staff-session.js';
import { HALL_TEXT_FIELDS, type HallDraft, type HallProblem, type HallTextField, createBody, hallDraftOf, hallProblems, updateBody } from './hall-form.js';
import { hallName } from './hall-names.js';
import { ScreenHead } from './screen-head.js';

const HINTS: Partial<Record<HallTextField | 'code' | 'sortOrder', MessageKey>> = {
  timeZone: 'admin.halls.timeZoneHint',
  hoursZh: 'admin.halls.hoursHint',
  sortOrder: 'admin.halls.sortOrderHint',
};

export function HallEditor({
  hall,
  halls,
  catalog,
  onSaved,
  onCancel,
}: {
  hall: AdminHall | null;
  halls: readonly AdminHall[];
  catalog: readonly CatalogEntry[];
  onSaved: (saved: AdminHall, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const { onStaffError } = useStaff();
  const [draft, setDraft] = useState<HallDraft>(() => hallDraftOf(hall, catalog.map((c) => c.letter)));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const creating = hall === null;
  const problems = hallProblems(
    draft,
    halls.filter((h) => h.code !== hall?.code).map((h) => h.code),
    creating,
  );
  const set = (change: Partial<HallDraft>) => setDraft((d) => ({ ...d, ...change }));

  const words = (field: keyof HallDraft): string | null => {
    const p: HallProblem | undefined = checked ? problems[field] : undefined;
    if (!p) return null;
    if (field === 'code' && p === 'FORMAT') return t('admin.halls.codeFormat');
    if (field === 'code' && p === 'TAKEN') return t('admin.halls.codeTaken');
    if (field === 'letters') return t('admin.halls.lettersEmpty');
    if (p === 'RANGE') return t('admin.problem.RANGE', { min: 0, max: 100000 });
    return t(`admin.problem.${p === 'TAKEN' ? 'FORMAT' : p}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const saved = creating ? await createHall(createBody(draft), { lang }) : await updateHall(hall.code, updateBody(draft), { lang });
      onSaved(saved, creating);
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
      setBusy(false);
    }
  };

  const field = (name: HallTextField | 'code' | 'sortOrder', optional: boolean) => {
    const hint = name === 'code' ? t('admin.halls.codeHint') : HINTS[name] ? t(HINTS[name]) : undefined;
    return (
      <TextField
        key={name}
        label={t(`admin.halls.${name}`)}
        hint={hint}
        value={draft[name]}
        optional={optional}
        optionalLabel={t('admin.optional')}
        spellCheck={name === 'code' || name === 'timeZone' ? 'false' : undefined}
        autoCapitalize={name === 'code' ? 'characters' : undefined}
        inputMode={name === 'sortOrder' ? 'numeric' : undefined}
        onChange={(e) => set({ [name]: name === 'code' ? e.target.value.toUpperCase() : e.target.value })}
        error={words(name)}
      />
    );
  };
  const count = Object.keys(problems).length;

  return (
    <section className="admin-screen">
      <ScreenHead
        id={`hall-${hall?.code ?? 'new'}`}
        title={creating ? t('admin.halls.createTitle') : t('admin.halls.editTitle', { code: hall.code, name: hallName(hall, lang) })}
      />
      <form className="admin-panel hall-form" onSubmit={(e) => void submit(e)} noValidate>
        {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
        {checked && count > 0 && (
          <p className="field__error" role="alert">
            {t('admin.svc.fixProblems', { n: count })}
          </p>
        )}
        <div className="sub-form__grid">
          {field('code', false)}
          {HALL_TEXT_FIELDS.map((name) => field(name, name !== 'nameZh'))}
          {field('sortOrder', true)}
        </div>
        {creating && (
          <fieldset className={`choice-group hall-form__letters${words('letters') ? ' field--invalid' : ''}`}>
            <legend className="field__label">{t('admin.halls.letters')}</legend>
            <p className="field__hint">{t('admin.halls.lettersHint')}</p>
            <div className="hall-form__letter-list">
              {catalog.map((c) => (
                <label key={c.letter} className="hall-form__letter">
                  <input
                    type="checkbox"
                    checked={draft.letters.includes(c.letter)}
                    onChange={(e) => set({ letters: e.target.checked ? [...draft.letters, c.letter] : draft.letters.filter((l) => l !== c.letter) })}
                  />
                  <span className="service-letter service-letter--small" aria-hidden="true">
                    {c.letter}
                  </span>{' '}
                  {lang === 'en' ? c.nameEn : c.nameZh}
                </label>
              ))}
            </div>
            {words('letters') && <p className="field__error">{words('letters')}</p>}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {busy ? t('admin.saving') : creating ? t('admin.halls.create') : t('admin.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
