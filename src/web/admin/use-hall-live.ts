// Live events of the hall the console works in: the shared 'hall' channel of src/web/live is the
// signed-in person's default hall, so a city admin looking at another hall listens to that hall's
// own stream (?hall=CODE), one connection per hall for the page.
import { useEffect, useRef, useState } from 'react';
import { LiveConnection, type LiveStatus } from '../live/live-connection.js';
import type { Scope } from './admin-scope.js';
import { scopedHref } from './admin-scope.js';

const connections = new Map<string, LiveConnection>();

function connectionOf(code: string): LiveConnection {
  let c = connections.get(code);
  if (!c) {
    c = new LiveConnection({ stream: scopedHref('/api/v1/events', { kind: 'hall', code }), poll: scopedHref('/api/v1/events/poll', { kind: 'hall', code }) });
    connections.set(code, c);
  }
  return c;
}

/** A short pause that merges a burst of events (a replay after reconnecting) into one reload. */
const MERGE_MS = 60;

/** Reloads on every event of the scope's hall and after a (re)connection; returns the connection's status. */
export function useHallLiveReload(scope: Scope, reload: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const code = scope.kind === 'hall' ? scope.code : null;
  useEffect(() => {
    if (code === null) return;
    let timer: number | null = null;
    const unsubscribe = connectionOf(code).subscribe(() => {
      if (timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        reloadRef.current();
      }, MERGE_MS);
    }, setStatus);
    return () => {
      if (timer !== null) window.clearTimeout(timer);
      unsubscribe();
    };
  }, [code]);
  return status;
}
