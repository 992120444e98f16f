// 业务设置 · one service: names and letter, queue order, opening hours and weekdays, the daily
// slot plan with capacities, quotas and windows. Checked as typed (the domain's rules); the
// server's refusals (capacity below what is booked, a taken letter …) land next to the field.
import { type FormEvent, useRef, useState } from 'react';
import type { AdminService } from '../../contracts/admin.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { TextField } from '../ui/text-field.js';
import { createService, updateService } from './admin-endpoints.js';
import { adminProblemText } from './problem-text.js';
import { RangeTable } from './range-table.js';
import { ScreenHead } from './screen-head.js';
import {
  type ScalarField,
  type ServiceDraft,
  appendSlot,
  draftOf,
  draftProblems,
  freeLetters,
  isDirty,
  nextRowId,
  plannedCapacity,
  problemCount,
  serviceInputOf,
  slotsFromHours,
  slotsOutsideHours,
  wholeNumber,
} from './service-form.js';
import { listedProblems, refusalPlace } from './service-refusal.js';
import { SlotGenerator } from './slot-generator.js';
import { WeekdayPicker } from './weekday-picker.js';
import { useAdminCall, useAdminScope } from './admin-scope-context.js';
import { type CatalogNames, catalogNames, letterChoices, namesEditable } from './service-catalog.js';

type NumberField = 'walkInQuota' | 'bookingWindowDays' | 'checkInBeforeMinutes' | 'defaultServiceMinutes' | 'maxWaitMinutes' | 'sortOrder';

const NUMBER_FIELDS: [NumberField, number, number, boolean][] = [
  ['walkInQuota', 0, 100000, false],
  ['bookingWindowDays', 0, 366, false],
  ['checkInBeforeMinutes', 0, 720, false],
  ['defaultServiceMinutes', 1, 240, true],
  ['maxWaitMinutes', 1, 480, true],
  ['sortOrder', 0, 1000, true],
];

export function ServiceEditor({
  service,
  services,
  catalog,
  onSaved,
  onCancel,
}: {
  service: AdminService | null;
  services: readonly AdminService[];
  /** The city's catalogue: the letters a hall admin may offer, and the names a letter comes with. */
  catalog: readonly CatalogNames[];
  onSaved: (saved: AdminService, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { onStaffError } = useStaff();
  const form = useRef<HTMLFormElement>(null);
  const { role } = useAdminScope();
  const [initial] = useState<ServiceDraft>(() => {
    const draft = draftOf(service, services);
    if (service) return draft;
    // A new service starts on the first letter this admin may offer, with the catalogue's names.
    const letter = letterChoices(freeLetters(services, null), catalog, role)[0] ?? '';
    return { ...draft, letter, ...catalogNames(letter, catalog) };
  });
  const [draft, setDraftState] = useState<ServiceDraft>(initial);
  const [leaving, setLeaving] = useState(false);
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const editingId = service?.id ?? null;
  const problems = draftProblems(draft, services, editingId);
  const count = problemCount(problems);

  const setDraft = (change: Partial<ServiceDraft>) => {
    setDraftState((d) => ({ ...d, ...change }));
    setRefusal(null);
  };

  // Where the server's refusal belongs.
  const place = refusal instanceof ApiError ? refusalPlace(refusal.code, refusal.details) : { at: 'banner' as const };
  const refusalWords = refusal === null ? '' : errorText(refusal, lang);
  const slotRefusals: Record<number, string> = {};
  if (refusal !== null && place.at === 'slot') {
    const row = draft.slots.find((s) => s.start === place.slotStart);
    if (row) slotRefusals[row.id] = refusalWords;
  }
  const fieldError = (field: ScalarField, context: Parameters<typeof adminProblemText>[2] = {}) => {
    if (refusal !== null && place.at === 'field' && place.field === field) return refusalWords;
    return checked ? adminProblemText(t, problems.fields[field], context) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (saving) return;
    if (count > 0) {
      window.requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      const input = serviceInputOf(draft);
      const saved = editingId === null ? await createService(input, call) : await updateService(editingId, input, call);
      onSaved(saved, editingId === null);
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
      setSaving(false);
      window.requestAnimationFrame(() => {
        const field = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (field) field.focus();
        else form.current?.scrollIntoView({ block: 'start' });
      });
    }
  };

  const outside = new Set(slotsOutsideHours(draft));
  const letters = letterChoices(freeLetters(services, editingId), catalog, role);
  const fromCatalog = catalogNames(draft.letter, catalog);
  const typedNames = namesEditable(role);
  // A new service of a catalogue letter takes its names (a city admin may then change them, for every hall).
  const chooseLetter = (letter: string) => setDraft(editingId === null ? { letter, ...catalogNames(letter, catalog) } : { letter });
  const letterOptions = letters.includes(draft.letter) || !draft.letter ? letters : [draft.letter, ...letters];
  const namesHint = !typedNames ? t('admin.svc.namesFromCatalog') : fromCatalog ? t('admin.svc.namesChangeCatalog') : undefined;
  const title = service
    ? t('admin.svc.editTitle', {
        letter: service.letter,
        name: localName(service, lang),
      })
    : t('admin.svc.newTitle');
  const listed = refusal instanceof ApiError ? listedProblems(refusal.details) : [];

  return (
    <form ref={form} className="admin-screen service-editor" onSubmit={(e) => void submit(e)} noValidate aria-busy={saving}>
      <ScreenHead id={`service-${editingId ?? 'new'}`} title={title} lead={t('admin.svc.editorLead')} />
      {refusal !== null && (
        <Banner tone="error" title={t('admin.svc.notSaved')}>
          <p className="banner__line">{refusalWords}</p>
          {listed.length > 0 && (
            <ul>
              {listed.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </Banner>
      )}
      {checked && count > 0 && <Banner tone="warning" title={t('admin.svc.fixProblems', { n: count })} />}
      {editingId === null && letterOptions.length === 0 && <Banner tone="info" title={t('admin.svc.noCatalogLetter')} />}

      <div className="editor-grid">
        <div className="editor-grid__column">
          <fieldset className="admin-panel">
            <legend>{t('admin.svc.basics')}</legend>
            <div className="field">
              <label className="field__label" htmlFor="svc-letter">
                {t('admin.svc.letter')}
              </label>
              <select
                id="svc-letter"
                className="field__input"
                value={draft.letter}
                onChange={(e) => chooseLetter(e.target.value)}
                aria-invalid={fieldError('letter', { what: 'letter' }) ? true : undefined}
                aria-describedby="svc-letter-hint"
              >
                {letterOptions.map((l) => {
                  const names = catalogNames(l, catalog);
                  return (
                    <option key={l} value={l}>
                      {names ? `${l} · ${lang === 'en' ? names.nameEn : names.nameZh}` : typedNames ? t('admin.svc.newLetter', { letter: l }) : l}
                    </option>
                  );
                })}
              </select>
              {fieldError('letter', { what: 'letter' }) && <p className="field__error">{fieldError('letter', { what: 'letter' })}</p>}
              <p className="field__hint" id="svc-letter-hint">
                {t('admin.svc.letterHint')}
              </p>
            </div>
            <TextField
              label={t('admin.svc.nameZh')}
              value={draft.nameZh}
              maxLength={100}
              readOnly={!typedNames}
              hint={namesHint}
              onChange={(e) => setDraft({ nameZh: e.target.value })}
              error={fieldError('nameZh')}
            />
            <TextField
              label={t('admin.svc.nameEn')}
              value={draft.nameEn}
              maxLength={100}
              lang="en"
              readOnly={!typedNames}
              onChange={(e) => setDraft({ nameEn: e.target.value })}
              error={fieldError('nameEn')}
            />
            <fieldset className="choice-group">
              <legend>{t('admin.svc.queueOrder')}</legend>
              <div className="choice-grid choice-grid--two">
                {(['priority', 'arrival'] as const).map((order) => (
                  <label key={order} className="choice">
                    <input type="radio" name="queueOrder" value={order} checked={draft.queueOrder === order} onChange={() => setDraft({ queueOrder: order })} />
                    <span className="choice__title">{t(`admin.svc.order.${order}`)}</span>
                    <span className="choice__hint">{t(`admin.svc.orderHint.${order}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </fieldset>

          <fieldset className="admin-panel">
            <legend>{t('admin.svc.hours')}</legend>
            <p className="muted">{t('admin.svc.hoursLead')}</p>
            <RangeTable
              name="hours"
              caption={t('admin.svc.hours')}
              rows={draft.hours}
              problems={problems.hours}
              showProblems={checked}
              withCapacity={false}
              onChange={(hours) => setDraft({ hours })}
            />
            {fieldError('hours', { what: 'hours' }) && <p className="field__error">{fieldError('hours', { what: 'hours' })}</p>}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                setDraft({
                  hours: [
                    ...draft.hours,
                    {
                      id: nextRowId(draft.hours),
                      start: '13:00',
                      end: '17:00',
                    },
                  ],
                })
              }
            >
              {t('admin.svc.addHours')}
            </button>
            <WeekdayPicker value={draft.weekdays} onChange={(weekdays) => setDraft({ weekdays })} error={fieldError('weekdays', { what: 'weekdays' })} />
          </fieldset>
          <fieldset className="admin-panel">
            <legend>{t('admin.svc.quotas')}</legend>
            <div className="number-grid">
              {NUMBER_FIELDS.map(([key, min, max, optional]) => (
                <TextField
                  key={key}
                  label={t(`admin.svc.${key}`)}
                  hint={t(`admin.svc.hint.${key}`)}
                  inputMode="numeric"
                  value={draft[key] as string}
                  maxLength={6}
                  optional={optional}
                  optionalLabel={t('admin.optional')}
                  onChange={(e) => setDraft({ [key]: e.target.value })}
                  error={fieldError(key, { min, max })}
                />
              ))}
            </div>
          </fieldset>
        </div>

        <fieldset className="admin-panel">
          <legend>{t('admin.svc.slots')}</legend>
          <p className="muted">
            {t('admin.svc.slotsLead', {
              n: draft.slots.length,
              capacity: plannedCapacity(draft.slots),
            })}
          </p>
          {draft.slots.length === 0 ? (
            <p className="admin-empty">{t('admin.svc.noSlots')}</p>
          ) : (
            <RangeTable
              name="slot"
              caption={t('admin.svc.slots')}
              rows={draft.slots}
              problems={problems.slots}
              serverProblems={slotRefusals}
              showProblems={checked}
              withCapacity
              notes={Object.fromEntries(
                [...outside].map((id) => [
                  id,
                  <span key={id} className="admin-tag admin-tag--warn">
                    {t('admin.svc.outsideHours')}
                  </span>,
                ]),
              )}
              onChange={(slots) => setDraft({ slots })}
            />
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setDraft({ slots: appendSlot(draft.slots) })}
              disabled={draft.slots.length >= 48}
            >
              {t('admin.svc.addSlot')}
            </button>
            <SlotGenerator
              onGenerate={(minutes, capacity) =>
                setDraft({
                  slots: slotsFromHours(draft.hours, minutes, capacity),
                })
              }
              canGenerate={(m, c) => wholeNumber(m, 5, 720) !== null && wholeNumber(c, 0, 10000) !== null}
            />
          </div>
        </fieldset>
      </div>

      <div className="editor-actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {saving ? t('admin.saving') : editingId === null ? t('admin.svc.create') : t('admin.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => (isDirty(draft, initial) ? setLeaving(true) : onCancel())} disabled={saving}>
          {t('admin.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={leaving}
        title={t('admin.svc.discardTitle')}
        confirmLabel={t('admin.svc.discard')}
        cancelLabel={t('admin.svc.keepEditing')}
        danger
        onCancel={() => setLeaving(false)}
        onConfirm={onCancel}
      >
        <p>{t('admin.svc.discardBody')}</p>
      </ConfirmDialog>
    </form>
  );
}
