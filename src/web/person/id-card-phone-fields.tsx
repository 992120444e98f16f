// The ID card and phone fields that the booking form and the records lookup both ask for.
import { useI18n } from '../i18n/i18n.js';
import { TextField } from '../ui/text-field.js';

type PersonField = 'idCard' | 'phone';

/** Inputs get the ids `${idPrefix}-idCard` and `${idPrefix}-phone` (the forms focus them by id). */
export function IdCardPhoneFields({
  idPrefix,
  values,
  idCardHint,
  idCardInputMode,
  onChange,
  onBlur,
  errorOf,
  labels,
}: {
  idPrefix: string;
  values: Readonly<Record<PersonField, string>>;
  idCardHint?: string;
  idCardInputMode?: 'text';
  onChange: (field: PersonField, value: string) => void;
  onBlur: (field: PersonField) => void;
  errorOf: (field: PersonField) => string | null;
  /** Other labels (代办: the person's ID card, the agent's phone). */
  labels?: Readonly<Record<PersonField, string>>;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${idPrefix}-idCard`}
        label={labels?.idCard ?? t('form.idCard')}
        value={values.idCard}
        onChange={(e) => onChange('idCard', e.target.value)}
        onBlur={() => onBlur('idCard')}
        error={errorOf('idCard')}
        hint={idCardHint}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck="false"
        inputMode={idCardInputMode}
        maxLength={24}
      />
      <TextField
        id={`${idPrefix}-phone`}
        label={labels?.phone ?? t('form.phone')}
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        value={values.phone}
        onChange={(e) => onChange('phone', e.target.value)}
        onBlur={() => onBlur('phone')}
        error={errorOf('phone')}
        maxLength={20}
      />
    </>
  );
}
