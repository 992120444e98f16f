// The on-screen keypad: 0–9, X, delete, clear. Keys that cannot help are disabled (by default for
// a whole ID card number; the last-4 entry passes its own rule).
import { useI18n } from '../i18n/i18n.js';
import { type KeypadKey, canPress as canPressIdCard } from './keypad-logic.js';

const ROWS: KeypadKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['X', '0', 'delete'],
];

export function Keypad({
  value,
  onKey,
  disabled,
  canPress = canPressIdCard,
}: { value: string; onKey: (key: KeypadKey) => void; disabled?: boolean; canPress?: (value: string, key: KeypadKey) => boolean }) {
  const { t } = useI18n();
  const label = (key: KeypadKey) => (key === 'delete' ? t('kiosk.keyDelete') : key === 'clear' ? t('kiosk.keyClear') : key);
  const button = (key: KeypadKey) => (
    <button
      key={key}
      type="button"
      className={`key${key.length > 1 ? ' key--action' : ''}`}
      disabled={disabled || !canPress(value, key)}
      onClick={() => onKey(key)}
    >
      {label(key)}
    </button>
  );
  return (
    <fieldset className="keypad">
      <legend className="visually-hidden">{t('kiosk.keypad')}</legend>
      {ROWS.flat().map(button)}
      <div className="keypad__wide">{button('clear')}</div>
    </fieldset>
  );
}
