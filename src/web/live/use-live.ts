// React side of the live connection: one shared connection per channel for the whole page,
// and a hook that reloads a screen's data when something relevant changed.
import { useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '../../contracts/events.js';
import { takeEarlyPosition } from '../api/early.js';
import { type LiveChange, LiveConnection, type LiveStatus } from './live-connection.js';

/**
 * hall: every event of the device's or staff member's hall; public: availability changes in every
 * hall; public:CODE: availability changes in one hall only (a hall's booking pages).
 */
export type LiveChannel = 'hall' | 'public' | `public:${string}`;

/** The public channel of one hall, or of every hall when the page does not know its hall. */
export const publicChannel = (hall: string | null | undefined): LiveChannel => (hall ? `public:${hall}` : 'public');

function pathsOf(channel: LiveChannel): { stream: string; poll: string } {
  if (channel === 'hall') return { stream: '/api/v1/events', poll: '/api/v1/events/poll' };
  const hall = channel.startsWith('public:') ? `?hall=${encodeURIComponent(channel.slice('public:'.length))}` : '';
  return { stream: `/api/v1/events/public${hall}`, poll: `/api/v1/events/public/poll${hall}` };
}

const connections = new Map<LiveChannel, LiveConnection>();

function connectionOf(channel: LiveChannel): LiveConnection {
  let c = connections.get(channel);
  if (!c) {
    // The booking page at `/` read its service list after this position (public/early.js): start there.
    c = new LiveConnection(pathsOf(channel), channel === 'public' ? takeEarlyPosition() : null);
    connections.set(channel, c);
  }
  return c;
}

/** Calls `onChange` for every change on the channel while `enabled`; returns the connection's status. */
export function useLive(channel: LiveChannel, onChange: (change: LiveChange) => void, enabled = true): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (!enabled) return;
    return connectionOf(channel).subscribe((change) => callback.current(change), setStatus);
  }, [channel, enabled]);
  return status;
}

/** A short pause that merges a burst of events (a replay after reconnecting) into one reload. */
const MERGE_MS = 60;

/**
 * Reloads when an event passes `relevant` (all by default) or after a (re)connection. Returns the
 * connection's status for a "reconnecting" badge.
 *
 * `loadsAsItSubscribes`: the screen sends its first load in the same mount as it subscribes (its
 * resource and this hook in one component), so when that subscription starts the connection, the
 * load and the stream are asked for together and the stream's first opening brings nothing the
 * load will not have: no second load of the same data on every page load. (A reconnection, a
 * replay too long to send, or a connection another screen started still reload.)
 */
export function useLiveReload(
  channel: LiveChannel,
  reload: () => void,
  opts: { relevant?: (event: LiveEvent) => boolean; enabled?: boolean; mergeMs?: number; loadsAsItSubscribes?: boolean } = {},
): LiveStatus {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const relevantRef = useRef(opts.relevant);
  relevantRef.current = opts.relevant;
  const timer = useRef<number | null>(null);
  const loadsAsItSubscribes = opts.loadsAsItSubscribes ?? false;
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return useLive(
    channel,
    (change) => {
      if (change.kind === 'event' && relevantRef.current && !relevantRef.current(change.event)) return;
      if (change.kind === 'resync' && change.initial && loadsAsItSubscribes) return;
      if (timer.current !== null) return;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        reloadRef.current();
      }, opts.mergeMs ?? MERGE_MS);
    },
    opts.enabled ?? true,
  );
}
