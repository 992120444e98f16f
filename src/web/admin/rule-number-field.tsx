// A whole number of a hall's rule (爽约, 优先): label, bounds, and the draft it changes.
import { showKept } from '../ui/shown-value.js';

export function RuleNumberField({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max?: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field__input" type="number" min={min} max={max} value={value} onChange={(e) => onChange(Number(showKept(e.currentTarget, String(Number(e.currentTarget.value)))))} />
    </div>
  );
}
