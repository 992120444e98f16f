// The ID card and phone rules of the booking and look-up forms (and the kiosk's ID card): the
// same domain checks the server runs, so a mistake is named beside the field before anything is sent.
import type { Lang } from '../../contracts/errors.js';
import { errorMessage } from '../../contracts/errors.js';
import { type IdCardError, normalizeIdCard, parseIdCard } from '../../domain/id-card.js';
import { type PhoneError, parsePhone } from '../../domain/phone.js';
import { translate } from '../i18n/translate.js';

export type Field = 'idCard' | 'phone';

export type FieldProblem =
  | { field: 'idCard'; reason: IdCardError }
  | { field: 'phone'; reason: PhoneError };

export type FieldErrors = Partial<Record<Field, FieldProblem>>;

export interface PersonDraft {
  idCard: string;
  phone: string;
}

export interface ValidPerson {
  idCard: string;
  phone: string;
}

export function checkIdCard(raw: string, today: string): FieldProblem | null {
  const parsed = parseIdCard(raw, today);
  return parsed.ok ? null : { field: 'idCard', reason: parsed.error };
}

export function checkPhone(raw: string): FieldProblem | null {
  const parsed = parsePhone(raw);
  return parsed.ok ? null : { field: 'phone', reason: parsed.error };
}

export function checkField(field: Field, draft: PersonDraft, today: string): FieldProblem | null {
  return field === 'idCard' ? checkIdCard(draft.idCard, today) : checkPhone(draft.phone);
}

/** Every problem of the form at once, or the normalized values to send. */
export function validatePerson(
  draft: PersonDraft,
  today: string,
): { ok: true; value: ValidPerson } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const field of ['idCard', 'phone'] as const) {
    const problem = checkField(field, draft, today);
    if (problem) errors[field] = problem;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const id = parseIdCard(draft.idCard, today);
  const phone = parsePhone(draft.phone);
  return {
    ok: true,
    value: {
      idCard: id.ok ? id.id.value : draft.idCard,
      phone: phone.ok ? phone.value : draft.phone,
    },
  };
}

/** The words for a problem; ID reasons say exactly what is wrong (length, birth date, check character). */
export function problemText(problem: FieldProblem, lang: Lang): string {
  if (problem.field === 'phone') {
    return problem.reason === 'EMPTY' ? translate(lang, 'form.phone.empty') : errorMessage('INVALID_PHONE', lang);
  }
  if (problem.reason === 'EMPTY') return translate(lang, 'form.idCard.empty');
  return errorMessage('INVALID_ID_CARD', lang, { reason: problem.reason });
}

const ID_REASONS: ReadonlySet<string> = new Set(['EMPTY', 'LEGACY_15', 'LENGTH', 'FORMAT', 'REGION', 'BIRTH_DATE', 'BIRTH_FUTURE', 'CHECKSUM']);

/** A server refusal that belongs beside a field rather than in a banner. */
export function serverFieldProblem(code: string, details: Record<string, unknown>): FieldProblem | null {
  if (code === 'INVALID_ID_CARD') {
    const reason = typeof details.reason === 'string' && ID_REASONS.has(details.reason) ? details.reason : 'FORMAT';
    return { field: 'idCard', reason: reason as IdCardError };
  }
  if (code === 'INVALID_PHONE') return { field: 'phone', reason: details.reason === 'EMPTY' ? 'EMPTY' : 'FORMAT' };
  return null;
}

/** How many of the 18 characters are typed, for the "12 / 18" hint. */
export function idCardLength(raw: string): number {
  return normalizeIdCard(raw).length;
}
