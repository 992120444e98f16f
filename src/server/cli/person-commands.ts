// `vreserve person show|forget`: a citizen's request for their data (PIPL arts. 45 and 47), answered
// by the hall's IT at the server. Both cover every hall. The ID card and phone may be typed when
// asked instead of given as options, so that they stay out of the shell's history and `ps`.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { PersonDataResponse } from '../../contracts/person-data.js';
import type { ServiceContext } from '../services/context.js';
import { forgetPerson, showPerson } from '../services/person-data.service.js';
import { UsageError, cliLang } from './failure.js';

export const PERSON_USAGE = `  person show [--id-card N] [--phone P] [--json]
            what is kept about a person (masked): bookings, tickets, messages, codes; every hall
  person forget [--id-card N] [--phone P] [--yes]
            erase their personal fields (reports keep their counts); refused while a booking is ahead
            (without the options, the numbers are asked for: they then stay out of the shell history)`;

export interface PersonIo {
  out(line: string): void;
  /** Asks a question and returns the answer ('' at the end of input). */
  ask(question: string): Promise<string>;
}

export function terminalIo(): PersonIo & { close(): void } {
  let rl: ReturnType<typeof createInterface> | null = null;
  const lines: string[] = [];
  let ended = false;
  const waiting: ((line: string) => void)[] = [];
  const open = () => {
    if (rl) return;
    rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: process.stdin.isTTY === true });
    rl.on('line', (line) => {
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    });
    rl.on('close', () => {
      ended = true;
      for (const w of waiting.splice(0)) w('');
    });
  };
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    ask(question) {
      open();
      if (process.stdin.isTTY) process.stderr.write(question);
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      if (ended) return Promise.resolve('');
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl?.close(),
  };
}

function describe(data: PersonDataResponse): string[] {
  const zh = cliLang() === 'zh';
  const lines = [
    `${zh ? '身份证' : 'ID card'} ${data.idCardMasked}${data.phoneMasked ? `, ${zh ? '手机' : 'phone'} ${data.phoneMasked}` : ''}`,
    `${zh ? '人员记录' : 'person row'}: ${data.personKept ? (zh ? '有' : 'kept') : zh ? '无' : 'none'}`,
    `${zh ? '预约' : 'bookings'}: ${data.bookings.length}`,
  ];
  for (const b of data.bookings) {
    const extra = [
      b.phoneKept ? (zh ? '存有加密手机号' : 'phone kept encrypted') : '',
      b.active ? (zh ? '未结束' : 'still ahead') : '',
      b.tickets.length ? `${zh ? '号票' : 'tickets'} ${b.tickets.map((t) => `${t.callNumber} ${t.status}`).join(', ')}` : '',
      b.messages.length ? `${zh ? '短信' : 'messages'} ${b.messages.length}` : '',
    ].filter(Boolean);
    lines.push(
      `  ${b.number}  ${b.hallCode} ${b.serviceLetter} ${b.serviceName}  ${b.date} ${b.slotStart}-${b.slotEnd}  ${b.status}  ${b.idCardMasked} ${b.phoneMasked}${extra.length ? `  (${extra.join('; ')})` : ''}`,
    );
  }
  if (data.phoneMasked) lines.push(`${zh ? '短信验证码记录' : 'text-message codes'}: ${data.verificationCodes.length}`);
  return lines;
}

export async function personCommand(ctx: ServiceContext, args: string[], io: PersonIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'id-card': { type: 'string' },
      phone: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'boolean' },
    },
  });
  const action = positionals[0];
  if ((action !== 'show' && action !== 'forget') || positionals.length > 1) throw new UsageError(`usage:\n${PERSON_USAGE}`);
  const idCard = values['id-card'] ?? (await io.ask('身份证号 / ID card number: ')).trim();
  if (!idCard) throw new UsageError(`an ID card number is needed\nusage:\n${PERSON_USAGE}`);
  const phone = values.phone ?? (values['id-card'] === undefined ? (await io.ask('手机号 (可不填) / phone (optional): ')).trim() : '');
  const who = { idCard, ...(phone ? { phone } : {}) };
  const scope = { hallId: null, actor: 'cli' };
  const data = await showPerson(ctx, who, scope, cliLang());
  if (action === 'show') {
    if (values.json) io.out(JSON.stringify(data, null, 2));
    else for (const line of describe(data)) io.out(line);
    return 0;
  }
  for (const line of describe(data)) io.out(line);
  if (!values.yes) {
    const answer = (await io.ask('erase these personal fields? type "yes" to go on: ')).trim().toLowerCase();
    if (answer !== 'yes') {
      io.out('nothing erased (give --yes, or answer "yes")');
      return 1;
    }
  }
  const done = await forgetPerson(ctx, who, scope);
  io.out(`erased: ${done.bookings} booking(s), ${done.verificationCodes} text-message code(s)${done.person ? ', the person row' : ''}; reports keep their counts`);
  return 0;
}
