// Open weekdays in a few words: runs of three or more days joined ('周一至周五、周日',
// 'Mon–Fri, Sun'), every day as one word. Pure.
import type { Lang } from '../../contracts/errors.js';
// The console's texts are not in every front end's dictionaries: this module needs them added.
import '../i18n/admin-messages.js';
import { translate } from '../i18n/translate.js';

const word = (day: number, lang: Lang) => translate(lang, `admin.weekday.${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`);

export function weekdaysText(days: readonly number[], lang: Lang): string {
  const sorted = [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return translate(lang, 'admin.svc.everyDay');
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const parts = runs.flatMap((run) => {
    if (run.length < 3) return run.map((d) => word(d, lang));
    const range = `${word(run[0] as number, lang)}${lang === 'zh' ? '至' : '–'}${word(run.at(-1) as number, lang)}`;
    return [range];
  });
  return parts.join(lang === 'zh' ? '、' : ', ');
}
