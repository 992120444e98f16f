// The counter console's front end (counter.html, /counter), for staff.
import { type Route, mount } from './app.js';
import { CounterApp } from './counter/counter-app.js';
import './i18n/later-messages.js';
import './styles/front-end-counter.css';

const ROUTES: Record<string, Route> = {
  '/counter': { render: () => <CounterApp />, rememberLang: true, className: 'theme-staff' },
};

mount(ROUTES);
