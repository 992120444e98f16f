// The counter's 评价器 at /evaluator (a paired evaluator device, a touch screen facing the citizen).
// Paired like the display board: the link /evaluator#pair=TOKEN from the admin console. Chinese by
// default; a citizen may switch to English, and the next one starts in Chinese again.
import { I18nProvider } from '../i18n/i18n.js';
import { useI18n } from '../i18n/i18n.js';
import { PairingScreen } from '../device/pairing-screen.js';
import { useDevicePairing } from '../device/use-device-pairing.js';
import { EvaluatorScreen } from './evaluator-screen.js';

function PairedEvaluator() {
  const { lang } = useI18n();
  const { pairing, retry, lost } = useDevicePairing('evaluator', lang);
  if (pairing.state !== 'paired') {
    return (
      <div className="evaluator evaluator--device">
        <PairingScreen kind="evaluator" pairing={pairing} onRetry={retry} />
      </div>
    );
  }
  return <EvaluatorScreen onDenied={lost} />;
}

export function EvaluatorApp() {
  return (
    <I18nProvider persist={false}>
      <PairedEvaluator />
    </I18nProvider>
  );
}
