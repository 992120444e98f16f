// The citizen booking app at `/`: home (?), a service (?service=ID&date=…) and a confirmation
// (?booking=NUMBER). The screens live in the query string: the server only knows `/`.
import type { Location } from '../nav/router.js';
import { AppShell } from '../ui/app-shell.js';
import { ConfirmationPage } from './confirmation-page.js';
import { HomePage } from './home-page.js';
import { ServicePage } from './service-page.js';

export function BookingApp({ location }: { location: Location }) {
  const booking = location.query.get('booking');
  const service = Number(location.query.get('service'));
  let screen = <HomePage />;
  if (booking) screen = <ConfirmationPage number={booking} />;
  else if (Number.isInteger(service) && service > 0) {
    screen = <ServicePage key={service} serviceId={service} askedDate={location.query.get('date')} />;
  }
  return <AppShell section="/">{screen}</AppShell>;
}
