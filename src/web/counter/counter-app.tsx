// The counter console at /counter (窗口工作台): a staff laptop at a counter.
import { useI18n } from '../i18n/i18n.js';
import { StaffGate } from '../staff/staff-gate.js';
import { CounterConsole } from './counter-console.js';

export function CounterApp() {
  const { t } = useI18n();
  return (
    <StaffGate appName={t('counter.appName')}>
      <CounterConsole />
    </StaffGate>
  );
}
