// The hall kiosk at /kiosk: 预约取号 (check in by ID card) and 现场取号 (walk-in numbers), for a
// touch screen without a keyboard. Every visit starts fresh: after the idle time the whole state
// (and the typed ID) is thrown away by remounting. Only a paired kiosk issues numbers: the
// pairing link (/kiosk#pair=…) pairs it; an unpaired one says so and asks for staff.
import { type ReactNode, useCallback, useState } from 'react';
import type { Ticket } from '../../contracts/kiosk.js';
import { ApiError } from '../api/client.js';
import { PairingScreen } from '../device/pairing-screen.js';
import { useDevicePairing } from '../device/use-device-pairing.js';
import { I18nProvider, useI18n } from '../i18n/i18n.js';
import { ElderSwitch } from '../ui/elder-switch.js';
import { LangSwitch } from '../ui/lang-switch.js';
import type { ScannedCode } from '../../domain/public-ticket.js';
import { CameraScan, hasCameraScan } from './camera-scan.js';
import { CheckInScreen } from './check-in-screen.js';
import { ScanCheckInScreen } from './scan-check-in-screen.js';
import { StartScreen } from './start-screen.js';
import { TicketScreen } from './ticket-screen.js';
import { useIdle } from './use-idle.js';
import { useScanner } from './use-scanner.js';
import { WalkInScreen } from './walk-in-screen.js';

export const TICKET_IDLE_SECONDS = 20;
export const ENTRY_IDLE_SECONDS = 60;

type Screen =
  | { kind: 'start' }
  | { kind: 'checkin' }
  | { kind: 'walkin' }
  | { kind: 'camera' }
  | { kind: 'scan'; code: ScannedCode; scan: number }
  | { kind: 'tickets'; tickets: Ticket[]; reprint: boolean };

function KioskFrame({ home, children }: { home: (() => void) | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span className="kiosk-header__title">{t('kiosk.hall')}</span>
        <div className="kiosk-header__actions">
          {home && (
            <button type="button" className="kiosk-button kiosk-button--ghost" onClick={home}>
              {t('kiosk.home')}
            </button>
          )}
          <ElderSwitch className="kiosk-button kiosk-button--ghost" />
          <LangSwitch className="kiosk-button kiosk-button--ghost" />
        </div>
      </header>
      <main className="kiosk-main" id="main">
        {children}
      </main>
    </div>
  );
}

function Kiosk({ onReset, onUnpaired }: { onReset: () => void; onUnpaired: () => void }) {
  const { lang } = useI18n();
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const idleSeconds = screen.kind === 'tickets' ? TICKET_IDLE_SECONDS : ENTRY_IDLE_SECONDS;
  // The start screen in Chinese is the resting state; anything else returns to it when left alone.
  const left = useIdle(screen.kind !== 'start' || lang !== 'zh', idleSeconds, onReset);
  const showTickets = (tickets: Ticket[], reprint: boolean) => setScreen({ kind: 'tickets', tickets, reprint });
  // A booking's QR code scanned on any screen (USB scanner) or by the camera: ask for the last 4.
  const onScan = useCallback((code: ScannedCode) => setScreen((s) => ({ kind: 'scan', code, scan: s.kind === 'scan' ? s.scan + 1 : 0 })), []);
  useScanner(onScan);
  // The server no longer knows this kiosk (its token was revoked): stop issuing numbers.
  const onRefused = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onUnpaired();
    },
    [onUnpaired],
  );

  return (
    <KioskFrame home={screen.kind !== 'start' ? onReset : null}>
      {screen.kind === 'start' && (
        <StartScreen
          onCheckIn={() => setScreen({ kind: 'checkin' })}
          onWalkIn={() => setScreen({ kind: 'walkin' })}
          onCamera={hasCameraScan() ? () => setScreen({ kind: 'camera' }) : null}
        />
      )}
      {screen.kind === 'camera' && <CameraScan onCode={onScan} onClose={onReset} />}
      {screen.kind === 'scan' && (
        <ScanCheckInScreen
          key={screen.scan}
          code={screen.code}
          onTickets={showTickets}
          onIdCard={() => setScreen({ kind: 'checkin' })}
          onWalkIn={() => setScreen({ kind: 'walkin' })}
          onRefused={onRefused}
        />
      )}
      {screen.kind === 'checkin' && <CheckInScreen onTickets={showTickets} onWalkIn={() => setScreen({ kind: 'walkin' })} onRefused={onRefused} />}
      {screen.kind === 'walkin' && <WalkInScreen onTicket={(ticket) => showTickets([ticket], false)} onRefused={onRefused} />}
      {screen.kind === 'tickets' && <TicketScreen tickets={screen.tickets} reprint={screen.reprint} secondsLeft={left} onDone={onReset} />}
    </KioskFrame>
  );
}

export function KioskApp() {
  const [visit, setVisit] = useState(0);
  // Pairing outlives visits; its refusals come in Chinese (the screen words them itself).
  const { pairing, retry, lost } = useDevicePairing('kiosk', 'zh');
  // A new visit remounts everything, the language included: the next person starts in Chinese.
  return (
    <I18nProvider key={visit} persist={false}>
      {pairing.state === 'paired' ? (
        <Kiosk onReset={() => setVisit((v) => v + 1)} onUnpaired={lost} />
      ) : (
        <KioskFrame home={null}>
          <PairingScreen kind="kiosk" pairing={pairing} onRetry={retry} />
        </KioskFrame>
      )}
    </I18nProvider>
  );
}
