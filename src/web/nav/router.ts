// A tiny pathname router: the server answers /, /records, /kiosk, … with index.html and the
// SPA picks the screen. Screens inside a front end use the query string (?service=1), because
// the server only knows the top-level paths.
import { useSyncExternalStore } from 'react';

const CHANGE = 'vreserve:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current location; re-renders on navigate() and on back/forward. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, 'http://local');
  return { path: url.pathname.replace(/\/+$/, '') || '/', query: url.searchParams };
}

/** Goes to `href`; `replace` changes the current history entry (e.g. a picked date) and keeps the scroll. */
export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  if (href === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', href);
  else {
    window.history.pushState(null, '', href);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(CHANGE));
}

/** Builds `path?k=v` leaving out empty values. */
export function hrefOf(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The top-level path that owns a location: '/records/x' -> '/records'. */
export function sectionOf(path: string): string {
  const first = path.split('/').filter(Boolean)[0];
  return first ? `/${first}` : '/';
}
