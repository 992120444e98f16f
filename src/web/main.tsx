import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { applyElderMode } from './ui/elder-mode.js';
import './styles/base.css';
import './styles/controls.css';
import './styles/citizen.css';
import './styles/booking.css';
import './styles/confirmation.css';
import './styles/records.css';
import './styles/ticket.css';
import './styles/messages.css';
import './styles/kiosk.css';
import './styles/kiosk-check-in.css';
import './styles/kiosk-tickets.css';
import './styles/staff.css';
import './styles/counter.css';
import './styles/display.css';
import './styles/device.css';
import './styles/rating.css';
import './styles/admin.css';
import './styles/print.css';
import './styles/elder.css';

// 长辈版 as this device last chose it, before the first paint.
applyElderMode();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
