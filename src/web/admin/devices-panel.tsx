// Kiosks, display boards and counters' 评价器: each has a token; a new one's pairing link is shown
// once (copy it or scan its QR code on the device), the list says when each was last seen (and at
// which counter an evaluator stands), and a lost or retired device is revoked.
import { type FormEvent, useId, useState } from 'react';
import type { Device } from '../../contracts/auth.js';
import { errorText } from '../api/error-text.js';
import { QrCode } from '../ui/qr-code.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { TextField } from '../ui/text-field.js';
import { AdminListState, AdminTable, RowButton } from './admin-table.js';
import { createDevice, getCounters, getDevices, revokeDevice } from './admin-endpoints.js';
import { hallDateTime } from './admin-time.js';
import { useHallZone } from '../hall/hall-zone.js';
import { OneTimeSecret } from './one-time-secret.js';
import { deviceState, pairingUrl, sortDevices } from './staff-logic.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';
import { useAdminCall } from './admin-scope-context.js';

type Kind = Device['kind'];

export function DevicesPanel() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const zone = useHallZone();
  const id = useId();
  const devices = useAdminResource((call) => getDevices(call), 'admin-devices');
  const [kind, setKind] = useState<Kind>('kiosk');
  const [name, setName] = useState('');
  const counters = useAdminResource((call) => getCounters(call), 'admin-device-counters');
  const [counter, setCounter] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const [paired, setPaired] = useState<{ name: string; url: string } | null>(null);
  const [asking, setAsking] = useState<Device | null>(null);
  const { busy, refusal, flash, setFlash, run } = useAdminAction({ onSuccess: () => devices.reload(), onSettled: () => setAsking(null) });
  const nameProblem = checked && !name.trim() ? t('admin.problem.EMPTY') : null;
  const counterList = [...(counters.data?.counters ?? [])].sort((a, b) => a.number - b.number);
  const chosenCounter = counter ?? counterList[0]?.number ?? null;
  const counterProblem = checked && kind === 'evaluator' && chosenCounter === null ? t('admin.problem.COUNTER_REQUIRED') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim() || busy || (kind === 'evaluator' && chosenCounter === null)) return;
    void run(async () => {
      const made = await createDevice(kind, name.trim(), chosenCounter, call);
      setPaired({ name: made.device.name, url: pairingUrl(window.location.origin, made.pairPath) });
      setName('');
      setChecked(false);
    });
  };

  const list = sortDevices(devices.data?.devices ?? []);
  return (
    <section className="admin-panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('admin.dev.title')}</h2>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {paired && (
        <OneTimeSecret
          title={t('admin.dev.pairTitle', { name: paired.name })}
          label={t('admin.dev.pairLink')}
          value={paired.url}
          note={t('admin.dev.pairNote')}
          onDone={() => setPaired(null)}
        >
          <QrCode text={paired.url} label={t('admin.dev.qr', { name: paired.name })} size={160} />
        </OneTimeSecret>
      )}
      <AdminListState resource={devices} empty={list.length === 0} none={t('admin.dev.none')}>
        <AdminTable
          testId="devices-table"
          caption={t('admin.dev.title')}
          head={
            <>
              <th scope="col">{t('admin.dev.name')}</th>
              <th scope="col">{t('admin.dev.kind')}</th>
              <th scope="col">{t('admin.dev.created')}</th>
              <th scope="col">{t('admin.dev.lastSeen')}</th>
            </>
          }
        >
          {list.map((d) => {
            const state = deviceState(d);
            return (
              <tr key={d.id} data-device={d.name} className={state === 'revoked' ? 'row--inactive' : undefined}>
                <th scope="row">{d.name}</th>
                <td>
                  {t(`admin.dev.kind.${d.kind}`)}
                  {d.counterNumber ? <span className="device-counter"> · {t('admin.dev.counterOf', { n: d.counterNumber })}</span> : null}
                </td>
                <td className="nowrap">{hallDateTime(d.createdAt, zone)}</td>
                <td className="nowrap">
                  {state === 'revoked' ? (
                    <span className="admin-tag admin-tag--off">{t('admin.dev.revokedAt', { at: hallDateTime(d.revokedAt, zone) })}</span>
                  ) : state === 'never' ? (
                    <span className="muted">{t('admin.dev.never')}</span>
                  ) : (
                    hallDateTime(d.lastSeenAt, zone)
                  )}
                </td>
                <td className="row-actions">
                  {state !== 'revoked' && (
                    <RowButton tone="danger-outline" disabled={busy} onClick={() => setAsking(d)} aria-label={t('admin.dev.revokeLabel', { name: d.name })}>
                      {t('admin.dev.revoke')}
                    </RowButton>
                  )}
                </td>
              </tr>
            );
          })}
        </AdminTable>
      </AdminListState>
      <form className="sub-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('admin.dev.createTitle')}</h3>
        <div className="sub-form__grid">
          <fieldset className="choice-group">
            <legend>{t('admin.dev.kind')}</legend>
            <div className="choice-grid">
              {(['kiosk', 'display', 'evaluator'] as const).map((k) => (
                <label key={k} className="choice">
                  <input type="radio" name="device-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  <span className="choice__title">{t(`admin.dev.kind.${k}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            label={t('admin.dev.name')}
            hint={t('admin.dev.nameHint')}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            error={nameProblem}
          />
          {kind === 'evaluator' && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-counter`}>
                {t('admin.dev.counter')}
              </label>
              <p className="field__hint" id={`${id}-counter-hint`}>
                {counterList.length === 0 && counters.data ? t('admin.dev.counterNone') : t('admin.dev.counterHint')}
              </p>
              <select
                id={`${id}-counter`}
                className="field__input"
                aria-describedby={`${id}-counter-hint`}
                aria-invalid={counterProblem !== null}
                value={chosenCounter ?? ''}
                onChange={(e) => setCounter(Number(e.target.value))}
              >
                {counterList.map((c) => {
                  const label = t('admin.dev.counterOf', { n: c.number });
                  return (
                    <option key={c.number} value={c.number}>
                      {c.name && c.name !== label ? `${label} · ${c.name}` : label}
                    </option>
                  );
                })}
              </select>
              {counterProblem && (
                <p className="field__error" role="alert">
                  {counterProblem}
                </p>
              )}
            </div>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? t('admin.saving') : t('admin.dev.create')}
        </button>
      </form>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t('admin.dev.revokeTitle', { name: asking.name }) : ''}
        confirmLabel={t('admin.dev.revoke')}
        cancelLabel={t('admin.cancel')}
        danger
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const device = asking;
          if (device)
            void run(async () => {
              await revokeDevice(device.id, call);
              setFlash(t('admin.dev.revoked', { name: device.name }));
            });
        }}
      >
        <p>{t('admin.dev.revokeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
