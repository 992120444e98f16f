// A kiosk or display that is not paired says so plainly and what to do, in Chinese or English.
// A kiosk speaks to citizens: it says only 暂停服务，请联系工作人员 (a revoked kiosk must not show
// them pairing instructions); how to pair it again is folded away for staff, open at once when a
// pairing link was just tried (staff are at the screen).
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import type { DeviceKind } from './pairing-logic.js';
import type { PairingState } from './use-device-pairing.js';

/** Why the last pairing link did not pair this screen, if it did not. */
function PairingProblem({ kind, reason }: { kind: DeviceKind; reason: string }) {
  const { t } = useI18n();
  if (reason !== 'bad-link' && reason !== 'wrong-kind') return null;
  const wrongKind = { kiosk: t('device.wrongKindKiosk'), display: t('device.wrongKindDisplay'), evaluator: t('device.wrongKindEvaluator') }[kind];
  const text = reason === 'bad-link' ? t('device.badLink') : wrongKind;
  return (
    <p className="device-screen__problem" role="alert">
      {text}
    </p>
  );
}

export function PairingScreen({ kind, pairing, onRetry }: { kind: DeviceKind; pairing: Exclude<PairingState, { state: 'paired' }>; onRetry: () => void }) {
  const { t, lang } = useI18n();
  if (pairing.state === 'checking') {
    return (
      <section className="device-screen" aria-busy="true">
        <p className="device-screen__lead" role="status">
          {t('device.checking')}
        </p>
      </section>
    );
  }
  if (pairing.state === 'error') {
    return (
      <section className="device-screen">
        <h1 className="device-screen__title">{t('device.checkFailed')}</h1>
        <p className="device-screen__lead" role="alert">
          {errorText(pairing.error, lang)}
        </p>
        <button type="button" className="device-screen__button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </section>
    );
  }
  if (kind === 'kiosk') {
    return (
      <section className="device-screen device-screen--unpaired" data-testid="unpaired">
        <h1 className="device-screen__title">{t('device.kioskPaused')}</h1>
        <p className="device-screen__lead">{t('device.kioskPausedLead')}</p>
        <details className="device-screen__staff" open={pairing.reason !== 'none'}>
          <summary>{t('device.staffHelp')}</summary>
          <h2 className="device-screen__subtitle">{t('device.kioskUnpaired')}</h2>
          <PairingProblem kind={kind} reason={pairing.reason} />
          <p>{t('device.askStaffKiosk')}</p>
          <p className="device-screen__hint">{t('device.howToPair', { path: '/kiosk#pair=…' })}</p>
        </details>
      </section>
    );
  }
  const evaluator = kind === 'evaluator';
  return (
    <section className="device-screen device-screen--unpaired" data-testid="unpaired">
      <h1 className="device-screen__title">{t(evaluator ? 'device.evaluatorUnpaired' : 'device.displayUnpaired')}</h1>
      <PairingProblem kind={kind} reason={pairing.reason} />
      <p className="device-screen__lead">{t(evaluator ? 'device.askStaffEvaluator' : 'device.askStaffDisplay')}</p>
      <p className="device-screen__hint">{t('device.howToPair', { path: `/${kind}#pair=…` })}</p>
    </section>
  );
}
