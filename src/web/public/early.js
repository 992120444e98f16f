// Loaded by the citizen page (index.html) beside its scripts and run before them (deferred): at `/`
// it asks for what the booking page shows first (the halls, the service list) while the page's
// scripts are still downloading, instead of after them. On a slow phone network that is two round
// trips less before the list shows. The page takes the answers once (src/web/api/early.ts).
// The position of the live events is asked for first and the list after it: the page's live
// connection starts from that position, so nothing that changed after the list was read is missed.
// A plain script (no build step, no imports): the page's scripts are not here yet. On every citizen
// path, a device set to English also fetches the English texts at once.
(() => {
  let lang = 'zh';
  try {
    if (window.localStorage.getItem('vreserve.lang') === 'en') lang = 'en';
  } catch {
    // Storage refused (private mode): the page starts in Chinese too.
  }
  // A device set to English: its texts are a chunk the page would ask for only once its scripts
  // ran (src/web/i18n/translate.ts); fetched now, beside them (the page names it: vite.config.ts).
  const english = lang === 'en' ? document.querySelector('meta[name="vreserve-english"]') : null;
  if (english) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = english.content;
    document.head.appendChild(link);
  }
  if (window.location.pathname !== '/' || window.location.search) return;
  const get = (path) => fetch(path, { headers: { accept: 'application/json', 'accept-language': lang }, cache: 'no-store' });
  const early = { lang, halls: get('/api/v1/halls'), position: null, services: null };
  early.halls.catch(() => {});
  early.position = get('/api/v1/events/public/poll')
    .then((response) => (response.ok ? response.json() : null))
    .then(
      (answer) => (answer && Number.isInteger(answer.lastId) ? answer.lastId : null),
      () => null,
    );
  // Without a position the page asks for the list itself, after its live connection has started.
  early.services = early.position.then((position) => (position === null ? null : get('/api/v1/services')));
  early.services.catch(() => {});
  window.__vreserveEarly = early;
})();
