// 请到 X 号窗口: full screen when the ticket is called (and at each recall), with a vibration and
// a short chime where the browser allows them. Browsers play sound only after the person touched
// the page once, so the first touch anywhere unlocks it.
import { useEffect, useRef } from 'react';
import type { PublicTicketResponse } from '../../contracts/public-ticket.js';
import { useI18n } from '../i18n/i18n.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';

let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  audio ??= new Ctor();
  return audio;
}

/** Unlocks sound on the first touch (a browser rule); call once from the page. */
export function useSoundUnlock(): void {
  useEffect(() => {
    const unlock = () => {
      void audioContext()?.resume().catch(() => {});
    };
    window.addEventListener('pointerdown', unlock, { once: true });
    return () => window.removeEventListener('pointerdown', unlock);
  }, []);
}

/** Two short tones (ding-dong); silently nothing where sound is not allowed. */
function chime(): void {
  const ctx = audioContext();
  if (!ctx) return;
  void ctx.resume().catch(() => {});
  const start = ctx.currentTime + 0.05;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.35 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + i * 0.35);
    osc.stop(start + i * 0.35 + 0.32);
  }
}

export function CallAlert({ ticket, onClose }: { ticket: PublicTicketResponse; onClose: () => void }) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>(`call-${ticket.callCount}`);
  const alerted = useRef(0);
  useEffect(() => {
    if (alerted.current === ticket.callCount) return;
    alerted.current = ticket.callCount;
    try {
      navigator.vibrate?.([400, 150, 400, 150, 400]);
    } catch {
      // Not allowed here: the screen still says it.
    }
    chime();
  }, [ticket.callCount]);
  const counter = ticket.counterNumber ?? '';
  return (
    <div className="call-alert" role="alertdialog" aria-modal="true" aria-labelledby="call-alert-title" data-testid="call-alert">
      <p className="call-alert__number">{ticket.callNumber}</p>
      <h1 id="call-alert-title" ref={heading} tabIndex={-1} className="call-alert__title">
        {ticket.counterName && ticket.counterName !== `${counter}` && !ticket.counterName.includes(`${counter}`)
          ? t('ticket.goToNamed', { counter, name: ticket.counterName })
          : t('ticket.goTo', { counter })}
      </h1>
      {ticket.callCount > 1 && <p className="call-alert__again">{t('ticket.callAgain', { n: ticket.callCount })}</p>}
      <button type="button" className="button call-alert__close" onClick={onClose}>
        {t('ticket.gotIt')}
      </button>
    </div>
  );
}
