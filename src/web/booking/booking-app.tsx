// The citizen booking app. At `/` of a one-hall deployment: home (?), a service
// (?service=ID&date=…) and a confirmation (?booking=NUMBER), as it always was. With many halls,
// `/` opens the hall this device chose (or the chooser), /h is the chooser and /h/CODE/ is one
// hall's own app with the same screens in its query string.
import { type ReactNode, Suspense, lazy, useEffect } from 'react';
import type { HallToday, HallsResponse } from '../../contracts/halls.js';
import { takeEarlyHalls } from '../api/early.js';
import { getHalls } from '../api/hall-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { type Location, navigate } from '../nav/router.js';
import { browserStore } from '../person/browser-store.js';
import { AppShell } from '../ui/app-shell.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { type Resource, useResource } from '../ui/use-resource.js';
import { HallBar } from './hall-bar.js';
import { HallChooser } from './hall-chooser.js';
import { hallBase, hallCodeOf, rememberHall, rememberedHall, startOf } from './hall-logic.js';
import { type HallPlace, HallPlaceContext, SINGLE_HALL } from './hall-place.js';
import { HomePage } from './home-page.js';
import { RetentionDaysContext, VerifyPhoneContext } from './verify-phone.js';

// A phone's first screen is the home page (or the hall chooser): the service page (the form, the
// ID card rules, the SMS code) and the confirmation (its QR code) are chunks of their own, fetched
// once the first screen is up, so the list of services shows without waiting for them.
const loadServicePage = () => import('./service-page.js');
const loadConfirmationPage = () => import('./confirmation-page.js');
const ServicePage = lazy(() => loadServicePage().then((m) => ({ default: m.ServicePage })));
const ConfirmationPage = lazy(() => loadConfirmationPage().then((m) => ({ default: m.ConfirmationPage })));

/** A moment for the first screen's own requests (the service list) to have the phone's bandwidth alone. */
const PREFETCH_AFTER_MS = 1500;

/** Fetches the next screens' chunks once the first screen is up (a tap on a service then opens at once). */
function usePrefetchScreens(): void {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      loadServicePage().then(loadConfirmationPage, () => {});
    }, PREFETCH_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);
}

/** The screen the query string names, in a place. */
function Screens({ location, place }: { location: Location; place: HallPlace }) {
  const booking = location.query.get('booking');
  const service = Number(location.query.get('service'));
  let screen = <HomePage key={place.base} />;
  if (booking) screen = <ConfirmationPage number={booking} />;
  else if (Number.isInteger(service) && service > 0) {
    const reschedule = location.query.get('reschedule');
    screen = (
      <ServicePage key={`${place.base}|${service}|${reschedule ?? ''}`} serviceId={service} askedDate={location.query.get('date')} reschedule={reschedule} />
    );
  }
  usePrefetchScreens();
  return (
    <HallPlaceContext.Provider value={place}>
      <AppShell section="/" homeHref={place.base} place={place.hall ? <HallBar hall={place.hall} many={place.many} /> : undefined}>
        <Suspense fallback={<Loading />}>{screen}</Suspense>
      </AppShell>
    </HallPlaceContext.Provider>
  );
}

function Waiting({ halls }: { halls: Resource<unknown> }) {
  return (
    <AppShell section="/">
      <section className="page">{halls.error !== null ? <LoadFailed error={halls.error} onRetry={halls.reload} /> : <Loading />}</section>
    </AppShell>
  );
}

/** `/`: the one hall as before, the remembered hall, or the chooser. */
function Start({ location, halls }: { location: Location; halls: Resource<{ halls: HallToday[] }> }) {
  const list = halls.data?.halls ?? (halls.error !== null ? null : undefined);
  const start = list === undefined ? null : startOf(list, rememberedHall(browserStore()));
  const goTo = start?.kind === 'hall' ? start.code : null;
  useEffect(() => {
    if (goTo) navigate(hallBase(goTo), { replace: true });
  }, [goTo]);
  if (start?.kind === 'single') return <Screens location={location} place={SINGLE_HALL} />;
  if (start?.kind === 'choose') return <HallChooser halls={halls} />;
  return <Waiting halls={{ ...halls, error: null }} />;
}

function HallApp({ code, location, halls }: { code: string; location: Location; halls: Resource<{ halls: HallToday[] }> }) {
  const { t } = useI18n();
  const list = halls.data?.halls;
  const hall = list?.find((h) => h.code === code);
  useEffect(() => {
    if (hall) rememberHall(browserStore(), hall.code);
  }, [hall]);
  if (!list) return <Waiting halls={halls} />;
  if (!hall) {
    return (
      <AppShell section="/">
        <section className="page">
          <Banner tone="error" title={t('halls.notFound')}>
            <Link href="/h">{t('halls.chooseAnother')}</Link>
          </Banner>
        </section>
      </AppShell>
    );
  }
  return <Screens location={location} place={{ base: hallBase(hall.code), hall, many: list.length > 1 }} />;
}

export function BookingApp({ location }: { location: Location }): ReactNode {
  const { lang } = useI18n();
  const code = hallCodeOf(location.path);
  // At `/` the halls may have been asked for before the page's scripts arrived (public/early.js).
  const halls = useResource((signal) => takeEarlyHalls(lang) ?? getHalls({ lang, signal }), lang);
  return (
    <VerifyPhoneContext.Provider value={halls.data?.verifyPhone ?? false}>
      <RetentionDaysContext.Provider value={halls.data?.contactRetentionDays ?? 30}>
        <Place code={code} location={location} halls={halls} />
      </RetentionDaysContext.Provider>
    </VerifyPhoneContext.Provider>
  );
}

function Place({ code, location, halls }: { code: string | null; location: Location; halls: Resource<HallsResponse> }) {
  // A service or confirmation at `/` needs no hall: it opens at once, as it always did.
  const direct = code === null && (location.query.has('booking') || location.query.has('service'));
  // With many halls such a link (made before there were many) moves to its hall's address once known.
  if (direct) return <Screens location={location} place={(halls.data?.halls.length ?? 0) > 1 ? { ...SINGLE_HALL, many: true } : SINGLE_HALL} />;
  if (code === null) return <Start location={location} halls={halls} />;
  if (code === '') return halls.data ? <HallChooser halls={halls} /> : <Waiting halls={halls} />;
  return <HallApp code={code} location={location} halls={halls} />;
}
