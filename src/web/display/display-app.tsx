// The hall's display board at /display (1920×1080, a paired display device). The language is
// part of the board's address (/display?lang=en), since nobody touches a board to switch it.
import { useI18n } from '../i18n/i18n.js';
import { I18nProvider } from '../i18n/i18n.js';
import { PairingScreen } from '../device/pairing-screen.js';
import { useDevicePairing } from '../device/use-device-pairing.js';
import type { Location } from '../nav/router.js';
import { DisplayBoard } from './display-board.js';

function PairedBoard() {
  const { lang } = useI18n();
  const { pairing, retry, lost } = useDevicePairing('display', lang);
  if (pairing.state !== 'paired') {
    return (
      <div className="board board--device">
        <PairingScreen kind="display" pairing={pairing} onRetry={retry} />
      </div>
    );
  }
  return <DisplayBoard onDenied={lost} />;
}

export function DisplayApp({ location }: { location: Location }) {
  const lang = location.query.get('lang') === 'en' ? 'en' : 'zh';
  return (
    <I18nProvider key={lang} persist={false} initial={lang}>
      <PairedBoard />
    </I18nProvider>
  );
}
