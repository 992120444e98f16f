// Dates and times as people in the hall read them. Written by hand (not Intl) so the words are
// the same in every browser and in tests.
import type { Lang } from '../../contracts/errors.js';
import { weekdayOf } from '../../domain/schedule.js';

const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

export function weekdayName(date: string, lang: Lang): string {
  return WEEKDAYS[lang][weekdayOf(date) - 1] ?? '';
}

/** '11月25日 周三' / 'Wed 25 Nov' */
export function formatShortDate(date: string, lang: Lang): string {
  const { m, d } = parts(date);
  return lang === 'zh' ? `${m}月${d}日 ${weekdayName(date, lang)}` : `${weekdayName(date, lang)} ${d} ${MONTHS_EN[m - 1]}`;
}

/** '2026年11月25日 周三' / 'Wed 25 Nov 2026' */
export function formatLongDate(date: string, lang: Lang): string {
  const { y, m, d } = parts(date);
  return lang === 'zh'
    ? `${y}年${m}月${d}日 ${weekdayName(date, lang)}`
    : `${weekdayName(date, lang)} ${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** '11/25' for tight chips. */
export function formatMonthDay(date: string): string {
  const { m, d } = parts(date);
  return `${m}/${d}`;
}

export function formatSlot(start: string, end: string | null | undefined): string {
  return end ? `${start}–${end}` : start;
}

/**
 * An average duration in minutes with one decimal at most ('6.5 分钟'); under a minute it says
 * '< 1 分钟' / '< 1 min' — a rounded '0 分钟' reads as if nobody took any time at all.
 */
export function formatAverageMinutes(minutes: number, lang: Lang): string {
  const unit = lang === 'zh' ? '分钟' : 'min';
  if (minutes < 1) return `< 1 ${unit}`;
  return `${Math.round(minutes * 10) / 10} ${unit}`;
}

/** Minutes as people say them: '12 分钟' / '1 小时 5 分钟', '12 min' / '1 h 5 min'. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === 'zh') return h > 0 ? `${h} 小时${rest > 0 ? ` ${rest} 分钟` : ''}` : `${m} 分钟`;
  return h > 0 ? `${h} h${rest > 0 ? ` ${rest} min` : ''}` : `${m} min`;
}
