// The hall kiosk's front end (kiosk.html, /kiosk): check-in, walk-in tickets, printing.
import { type Route, mount } from './app.js';
import { KioskApp } from './kiosk/kiosk-app.js';
import './i18n/later-messages.js';
import './styles/front-end-kiosk.css';

const ROUTES: Record<string, Route> = {
  '/kiosk': { render: () => <KioskApp />, rememberLang: false, className: 'theme-kiosk' },
};

mount(ROUTES);
