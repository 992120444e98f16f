// Valid, distinct ID card numbers and phones for tests (region 110105, born 1990-01-01 + n days).
import { composeIdCard } from '../../src/domain/id-card.js';
import { addDays } from '../../src/domain/schedule.js';

export function idCard(n: number): string {
  const birth = addDays('1960-01-01', Math.floor(n / 1000)).replaceAll('-', '');
  const seq = String(n % 1000).padStart(3, '0');
  return composeIdCard(`110105${birth}${seq}`);
}

export function phone(n: number): string {
  return `138${String(n).padStart(8, '0')}`;
}

export function person(n: number): { idCard: string; phone: string } {
  return { idCard: idCard(n), phone: phone(n) };
}
