// The citizen front end (index.html): the booking app at / and /h (a phone's first page: loaded
// with the entry, nothing else first), 我的预约, the ticket page /t/TOKEN (the QR codes carry it)
// and the 候补 offer page /w/TOKEN (the link in its message), the last three as chunks of their own.
import { lazy } from 'react';
import { type Route, mount } from './app.js';
import { BookingApp } from './booking/booking-app.js';
import './styles/front-end-citizen.css';

const TicketApp = lazy(() => import('./ticket/ticket-app.js').then((m) => ({ default: m.TicketApp })));
const OfferApp = lazy(() => import('./offer/offer-app.js').then((m) => ({ default: m.OfferApp })));
const RecordsPage = lazy(() => import('./records/records-page.js').then((m) => ({ default: m.RecordsPage })));

const citizen = { rememberLang: true, className: 'theme-citizen' };

const ROUTES: Record<string, Route> = {
  '/': { render: (location) => <BookingApp location={location} />, ...citizen },
  // /h (the hall chooser) and /h/CODE/ (one hall's own booking app, its link and QR code).
  '/h': { render: (location) => <BookingApp location={location} />, ...citizen },
  '/records': { render: () => <RecordsPage />, ...citizen },
  '/t': { render: (location) => <TicketApp location={location} />, ...citizen },
  '/w': { render: (location) => <OfferApp location={location} />, ...citizen },
};

mount(ROUTES);
