// The QR code of a booking's or ticket's page: the absolute address of /t/<token> on this server,
// so a phone that scans it opens the live ticket, and a kiosk's scanner reads the token from it.
import { publicTicketPath } from '../../domain/public-ticket.js';
import { QrCode } from './qr-code.js';

export function publicTicketUrl(token: string, origin: string = window.location.origin): string {
  return `${origin}${publicTicketPath(token)}`;
}

/** `link`: a tap opens the page too (never on a kiosk, which must stay on its own screens). */
export function TicketQr({ token, label, size, link = false }: { token: string; label: string; size?: number; link?: boolean }) {
  const url = publicTicketUrl(token);
  const qr = <QrCode text={url} label={label} size={size} />;
  return link ? (
    <a className="ticket-qr" href={publicTicketPath(token)} data-testid="ticket-qr" data-url={url}>
      {qr}
    </a>
  ) : (
    <div className="ticket-qr" data-testid="ticket-qr" data-url={url}>
      {qr}
    </div>
  );
}
