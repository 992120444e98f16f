// A QR code of a text as a data: image (allowed by the CSP's img-src), drawn by `qrcode`.
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: size * 2 }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!src) return <div className="qr qr--pending" style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className="qr" src={src} alt={label} width={size} height={size} />;
}
