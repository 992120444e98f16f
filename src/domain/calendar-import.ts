// Reading a year's list of closed days and make-up working days as pasted by a hall manager:
// one day per line, `date[,kind[,note]]`; a bare date means closed. Dates may be written
// 2026-10-01, 2026/10/1 or 2026.10.1; kinds closed/休/休息 or open/班/上班/调休.
import { type DayOverride, isValidDate } from './schedule.js';

export interface ImportedDay {
  date: string;
  kind: DayOverride;
  note: string;
}

export interface ImportProblem {
  line: number;
  text: string;
  reason: 'DATE' | 'KIND' | 'DUPLICATE';
}

const CLOSED = ['closed', 'close', 'holiday', '休', '休息', '闭馆', '节假日'];
const OPEN = ['open', 'workday', '班', '上班', '调休', '补班'];

function normalizeDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!m) return null;
  const date = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  return isValidDate(date) ? date : null;
}

/** Splits a line on commas, tabs or semicolons (Excel's CSV, pasted cells), honouring "quoted, fields". */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';' || ch === '，')) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

export function parseCalendarList(text: string): { days: ImportedDay[]; problems: ImportProblem[] } {
  const days: ImportedDay[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const [first = '', kindRaw = '', ...rest] = cells(line);
      const date = normalizeDate(first);
      if (!date) {
        // A header row such as "date,kind,note" is skipped, anything else is reported.
        if (i === 0 && /[a-z日期]/i.test(first)) return;
        problems.push({ line: i + 1, text: line, reason: 'DATE' });
        return;
      }
      const k = kindRaw.toLowerCase();
      const kind: DayOverride | null = k === '' || CLOSED.includes(k) ? 'closed' : OPEN.includes(k) ? 'open' : null;
      if (!kind) {
        problems.push({ line: i + 1, text: line, reason: 'KIND' });
        return;
      }
      if (seen.has(date)) {
        problems.push({ line: i + 1, text: line, reason: 'DUPLICATE' });
        return;
      }
      seen.add(date);
      days.push({ date, kind, note: rest.join(', ').slice(0, 100) });
    });
  return { days, problems };
}
