// The display board's front end (display.html, /display).
import { type Route, mount } from './app.js';
import { DisplayApp } from './display/display-app.js';
import './i18n/later-messages.js';
import './styles/front-end-display.css';

const ROUTES: Record<string, Route> = {
  '/display': { render: (location) => <DisplayApp location={location} />, rememberLang: false, className: 'theme-display' },
};

mount(ROUTES);
