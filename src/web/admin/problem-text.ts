// The words for a problem the admin forms find in the browser, per field where the same code
// needs different words (a taken letter is not a taken username). The citizen's ID card and
// phone have theirs in web/person.
import type { Translate } from '../i18n/i18n.js';
import type { FieldProblem } from './service-form.js';

export function adminProblemText(
  t: Translate,
  problem: FieldProblem | undefined,
  context: { min?: number; max?: number; what?: 'letter' | 'weekdays' | 'hours' } = {},
): string | null {
  switch (problem) {
    case undefined:
      return null;
    case 'RANGE':
      return t('admin.problem.RANGE', { min: context.min ?? 0, max: context.max ?? 0 });
    case 'TAKEN':
      return t('admin.problem.letterTaken');
    case 'NONE':
      return context.what === 'hours' ? t('admin.problem.noHours') : t('admin.problem.noWeekdays');
    case 'FORMAT':
      return context.what === 'letter' ? t('admin.problem.letterFormat') : t('admin.problem.FORMAT');
    default:
      return t(`admin.problem.${problem}`);
  }
}
