// Everything a browser test file needs: `describeHall` (Chromium, the built web app, the real
// server, pages and the first start's credentials), device sizes and screenshots.
export { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, PHONE, screenshot } from './browser.js';
export { type E2E, type E2EOptions, type Hall, describeHall, startE2E } from './fixture.js';
export { DEFAULT_CLOCK, type FirstStart } from './server.js';
