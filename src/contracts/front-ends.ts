// Each web front end's page (built by `vite build` from src/web) and the top-level paths it answers,
// sub-paths included. One list for the build (vite.config.ts), the server that answers each path
// with its page (web.routes.ts) and the pages themselves (app.tsx: a path of another front end
// reloads from the server). The citizen pages: /h/CODE/… the booking app of one hall (its link and
// QR code), /t/TOKEN one booking's or ticket's page, /w/TOKEN one 候补 offer.
export const FRONT_END_PAGES: Readonly<Record<string, readonly string[]>> = {
  'index.html': ['/', '/h', '/records', '/t', '/w'],
  'kiosk.html': ['/kiosk'],
  'counter.html': ['/counter'],
  'display.html': ['/display'],
  'evaluator.html': ['/evaluator'],
  'admin.html': ['/admin'],
};
