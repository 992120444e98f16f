// 扫码签到 with the kiosk's camera, where the browser has BarcodeDetector (Chrome on Android,
// ChromeOS, macOS; not on most Linux or Windows kiosks, which use a USB scanner instead). The
// button is shown only where it can work.
import { useEffect, useRef, useState } from 'react';
import type { ScannedCode } from '../../domain/public-ticket.js';
import { useI18n } from '../i18n/i18n.js';
import { scannedBooking } from './scan-logic.js';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

function detectorClass(): DetectorClass | null {
  const ctor = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  return typeof ctor === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? ctor : null;
}

export function hasCameraScan(): boolean {
  return detectorClass() !== null;
}

export function CameraScan({ onCode, onClose }: { onCode: (code: ScannedCode) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    const look = async () => {
      if (stopped || !video.current) return;
      try {
        for (const found of await detector.detect(video.current)) {
          const code = scannedBooking(found.rawValue);
          if (code) {
            stopped = true;
            onCode(code);
            return;
          }
        }
      } catch {
        // A frame that could not be read: try the next one.
      }
      timer = window.setTimeout(look, 200);
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(
      async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play().catch(() => {});
        void look();
      },
      () => setFailed(true),
    );
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);

  return (
    <section className="kiosk-camera">
      <h1 className="kiosk-title" data-speak="title">{t('kiosk.scanCheckIn')}</h1>
      <p className="kiosk-lead" data-speak="lead">{failed ? t('kiosk.cameraFailed') : t('kiosk.cameraTitle')}</p>
      {!failed && <video ref={video} className="kiosk-camera__video" muted playsInline />}
      <button type="button" className="kiosk-button" onClick={onClose}>
        {t('kiosk.cancel')}
      </button>
    </section>
  );
}
