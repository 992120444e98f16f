// The README's list of error codes is generated from the code table (src/contracts/errors.ts and
// STATUS_OF), so the two cannot drift: adding a code, changing its status or its words fails here
// until the README is regenerated with
//   UPDATE_README=1 npx vitest run src/server/http/error-codes-readme.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETAILED_MESSAGES, ERROR_MESSAGES, type ErrorCode } from '../../contracts/errors.js';
import { STATUS_OF } from './errors.js';

const README = join(import.meta.dirname, '../../../README.md');
const START = '<!-- error-codes: generated from src/contracts/errors.ts by src/server/http/error-codes-readme.test.ts -->';
const END = '<!-- /error-codes -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function words(code: ErrorCode, lang: 'zh' | 'en'): string {
  const plain = `${ERROR_MESSAGES[code][lang]}`;
  const detailed = DETAILED_MESSAGES[code];
  return detailed ? `${plain} (with \`${detailed.when}\`: ${detailed[lang]})` : plain;
}

function errorCodeTable(): string {
  const rows = (Object.keys(ERROR_MESSAGES) as ErrorCode[]).map(
    (code) => `| \`${code}\` | ${STATUS_OF[code]} | ${cell(words(code, 'zh'))} | ${cell(words(code, 'en'))} |`,
  );
  return [START, '', '| code | status | message (zh) | message (en) |', '|---|---|---|---|', ...rows, '', END].join('\n');
}

describe('README error codes', () => {
  it('lists every code the API can answer, with its status and words, as the code table has them', () => {
    const readme = readFileSync(README, 'utf8');
    const from = readme.indexOf(START);
    const to = readme.indexOf(END);
    expect(from, 'the README has the generated error-code table').toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    const shown = readme.slice(from, to + END.length);
    const wanted = errorCodeTable();
    if (shown !== wanted && process.env.UPDATE_README === '1') {
      writeFileSync(README, readme.slice(0, from) + wanted + readme.slice(to + END.length));
      return;
    }
    expect(shown, 'regenerate: UPDATE_README=1 npx vitest run src/server/http/error-codes-readme.test.ts').toBe(wanted);
  });

  it('every code has a status (the type demands it; this guards a cast)', () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) expect(STATUS_OF[code], code).toBeGreaterThanOrEqual(400);
  });
});
