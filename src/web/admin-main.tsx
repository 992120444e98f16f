// The admin console's front end (admin.html, /admin).
import { type Route, mount } from './app.js';
import { AdminApp } from './admin/admin-app.js';
// The console's own texts, added to the dictionaries before anything renders.
import './i18n/admin-messages.js';
import './i18n/later-messages.js';
import './styles/front-end-admin.css';

const ROUTES: Record<string, Route> = {
  '/admin': { render: (location) => <AdminApp location={location} />, rememberLang: true, className: 'theme-staff' },
};

mount(ROUTES);
