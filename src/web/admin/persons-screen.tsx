// 个人信息: a citizen asks what is kept about them, or to have it erased (PIPL arts. 45 and 47).
// The admin types the ID card (and the phone, optional) the citizen shows; the answer is masked.
// Erasing asks first; a booking still ahead refuses it in words (cancel it first). The numbers are
// kept in this screen's memory only and leave it with the next look-up.
import { type FormEvent, useState } from 'react';
import type { PersonDataResponse, PersonForgetResponse, PersonQueryBody } from '../../contracts/person-data.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { formatSlot } from '../i18n/format.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { TextField } from '../ui/text-field.js';
import { useStaff } from '../staff/use-staff-session.js';
import { forgetPerson, lookupPerson } from './admin-endpoints.js';
import { ScreenHead } from './screen-head.js';

export function PersonsScreen() {
  const { t, lang } = useI18n();
  const { onStaffError } = useStaff();
  const [idCard, setIdCard] = useState('');
  const [phone, setPhone] = useState('');
  const [asked, setAsked] = useState<PersonQueryBody | null>(null);
  const [data, setData] = useState<PersonDataResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<PersonForgetResponse | null>(null);

  const look = async (body: PersonQueryBody) => {
    setBusy(true);
    setError(null);
    try {
      setData(await lookupPerson(body, { lang }));
      setAsked(body);
    } catch (e) {
      onStaffError(e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErased(null);
    void look({ idCard: idCard.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) });
  };

  const erase = async () => {
    if (!asked) return;
    setBusy(true);
    setError(null);
    try {
      const done = await forgetPerson(asked, { lang });
      setConfirming(false);
      setErased(done);
      await look(asked);
    } catch (e) {
      onStaffError(e);
      setConfirming(false);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-screen" aria-busy={busy}>
      <ScreenHead id="persons" title={t('admin.tab.persons')} lead={t('admin.persons.lead')} />
      <form className="admin-panel persons-form" onSubmit={submit} noValidate>
        <TextField id="person-idCard" label={t('form.idCard')} value={idCard} onChange={(e) => setIdCard(e.target.value)} autoComplete="off" spellCheck="false" maxLength={24} />
        <TextField
          id="person-phone"
          label={t('form.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          autoComplete="off"
          inputMode="tel"
          maxLength={20}
          optional
          optionalLabel={t('admin.persons.phoneOptional')}
        />
        <button type="submit" className="button" disabled={busy || idCard.trim() === ''}>
          {t('admin.persons.lookup')}
        </button>
      </form>
      {error !== null && <Banner tone="error" title={errorText(error, lang)} />}
      {erased && (
        <Banner tone="success" title={t('admin.persons.erased', { bookings: erased.bookings, codes: erased.verificationCodes })} />
      )}
      {data && (
        <section className="admin-panel" aria-labelledby="persons-kept" data-testid="person-data">
          <h2 id="persons-kept">{t('admin.persons.kept', { id: data.idCardMasked, count: data.bookings.length })}</h2>
          {data.bookings.length === 0 ? (
            <p className="admin-empty">{t('admin.persons.none')}</p>
          ) : (
            <div className="admin-table-wrap">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.persons.number')}</th>
                    <th scope="col">{t('admin.persons.what')}</th>
                    <th scope="col">{t('admin.persons.status')}</th>
                    <th scope="col">{t('admin.persons.person')}</th>
                    <th scope="col">{t('admin.persons.ticket')}</th>
                    <th scope="col">{t('admin.persons.messages')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.bookings.map((b) => (
                    <tr key={b.number}>
                      <td className="nowrap">{b.number}</td>
                      <td>
                        {b.hallName} · {b.serviceLetter} {b.serviceName}
                        <br />
                        {b.date} {formatSlot(b.slotStart, b.slotEnd)}
                      </td>
                      <td>
                        {t(`status.${b.status}`)}
                        {b.active && <strong> · {t('admin.persons.ahead')}</strong>}
                      </td>
                      <td className="nowrap">
                        {b.idCardMasked}
                        <br />
                        {b.phoneMasked}
                        {b.phoneKept ? ` · ${t('admin.persons.phoneKept')}` : ''}
                      </td>
                      <td>{b.tickets.map((x) => x.callNumber).join(', ') || '—'}</td>
                      <td>{b.messages.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted">
            {t('admin.persons.other', {
              person: data.personKept ? t('admin.persons.yes') : t('admin.persons.no'),
              codes: data.phoneMasked ? String(data.verificationCodes.length) : '—',
            })}
          </p>
          {(data.bookings.length > 0 || data.personKept || data.verificationCodes.length > 0) && (
            <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={busy}>
              {t('admin.persons.forget')}
            </button>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('admin.persons.forgetTitle')}
        confirmLabel={t('admin.persons.forgetConfirm')}
        cancelLabel={t('admin.persons.forgetKeep')}
        busy={busy}
        danger
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('admin.persons.forgetQuestion', { id: data?.idCardMasked ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
