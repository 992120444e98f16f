// One live connection to the hall's events: Server-Sent Events while they work (the browser
// reconnects and sends Last-Event-ID itself), polling every 2 s when the stream keeps failing,
// and a new try of the stream now and then while polling. Listeners hear "this changed" (an
// event) or "reload everything" (after a (re)connection, when events may have been missed).
import { LIVE_EVENT_TYPES } from '../../contracts/event-types.js';
import type { LiveEvent } from '../../contracts/events.js';
import {
  DENIED_POLL_MS,
  POLL_INTERVAL_MS,
  STREAM_RETRY_MS,
  afterPoll,
  afterStreamError,
  pollUrl,
  streamUrl,
  takeEventId,
} from './live-logic.js';

/**
 * resync: load afresh, events may have been missed. `initial` marks the opening of the connection's
 * first stream at its first try: only a screen whose data was loaded before it subscribed needs
 * that one (see useLiveReload's `loadsAsItSubscribes`).
 */
export type LiveChange = { kind: 'event'; event: LiveEvent } | { kind: 'resync'; initial: boolean };
/** connecting: not yet heard from the server; live: hearing it; reconnecting: lost it; denied: 401/403 (not paired / signed out). */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'denied';

export interface LivePaths {
  stream: string;
  poll: string;
}

type Mode = 'stream' | 'poll';

export class LiveConnection {
  private readonly listeners = new Set<(change: LiveChange) => void>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private source: EventSource | null = null;
  private mode: Mode = 'stream';
  private failures = 0;
  private lastId: number | null = null;
  private timer: number | null = null;
  private retryTimer: number | null = null;
  private polling: AbortController | null = null;
  private running = false;
  /** Whether a resync was sent since start(): the next one is not the initial one. */
  private resynced = false;
  /** Counts start()s, so that a position that arrives after a stop does not begin a stopped run. */
  private runs = 0;
  status: LiveStatus = 'connecting';

  /**
   * `startAfter`: the id of the last event when the page's first data was read (public/early.js reads
   * it before the service list): the first stream starts there and replays what came since.
   */
  constructor(
    private readonly paths: LivePaths,
    private startAfter: Promise<number | null> | null = null,
  ) {}

  subscribe(listener: (change: LiveChange) => void, onStatus?: (status: LiveStatus) => void): () => void {
    this.listeners.add(listener);
    if (onStatus) {
      this.statusListeners.add(onStatus);
      onStatus(this.status);
    }
    if (!this.running) this.start();
    return () => {
      this.listeners.delete(listener);
      if (onStatus) this.statusListeners.delete(onStatus);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private start(): void {
    this.running = true;
    const position = this.startAfter;
    this.startAfter = null;
    if (!position) {
      this.begin();
      return;
    }
    const run = ++this.runs;
    // Stopped (and maybe started again) meanwhile: that run has begun on its own.
    const stillThisRun = () => this.running && run === this.runs;
    position.then(
      (id) => {
        if (!stillThisRun()) return;
        if (id !== null && this.lastId === null) this.lastId = id;
        this.begin();
      },
      () => stillThisRun() && this.begin(),
    );
  }

  private begin(): void {
    this.mode = typeof EventSource === 'function' ? 'stream' : 'poll';
    if (this.mode === 'stream') this.openStream();
    else this.poll();
  }

  private stop(): void {
    this.running = false;
    this.runs++;
    this.resynced = false;
    this.closeStream();
    this.clearTimers();
    this.polling?.abort();
    this.polling = null;
    this.failures = 0;
    this.setStatus('connecting');
  }

  private clearTimers(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    if (this.retryTimer !== null) window.clearTimeout(this.retryTimer);
    this.timer = null;
    this.retryTimer = null;
  }

  private emit(change: LiveChange): void {
    for (const l of [...this.listeners]) l(change);
  }

  private resync(initial = false): void {
    this.resynced = true;
    this.emit({ kind: 'resync', initial });
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const l of [...this.statusListeners]) l(status);
  }

  private closeStream(): void {
    this.source?.close();
    this.source = null;
  }

  private openStream(): void {
    this.closeStream();
    const source = new EventSource(streamUrl(this.paths.stream, this.lastId));
    this.source = source;
    source.onopen = () => {
      if (source !== this.source) return;
      // The connection's first stream, opened at the first try: asked for with the screens' first loads.
      const initial = !this.resynced && this.failures === 0 && this.mode === 'stream';
      if (this.mode === 'poll') this.leavePolling();
      this.failures = 0;
      this.setStatus('live');
      // Whatever happened before this stream began is not in it: screens load afresh.
      this.resync(initial);
    };
    source.onerror = () => {
      if (source === this.source) this.onStreamError(source);
    };
    const onMessage = (message: MessageEvent<string>) => {
      if (source !== this.source) return;
      this.take([JSON.parse(message.data) as LiveEvent]);
    };
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, onMessage as EventListener);
    // Too much was missed to replay: reload everything.
    source.addEventListener('reset', () => this.resync());
  }

  private onStreamError(source: EventSource): void {
    if (this.mode === 'poll') {
      // A trial of the stream while polling failed: keep polling, try again later.
      this.closeStream();
      this.scheduleStreamRetry();
      return;
    }
    const plan = afterStreamError(this.failures, source.readyState === EventSource.CLOSED, Math.random());
    this.failures = plan.failures;
    this.setStatus('reconnecting');
    if (plan.next === 'poll') {
      this.closeStream();
      this.mode = 'poll';
      this.poll();
      this.scheduleStreamRetry();
    } else if (plan.next === 'reopen') {
      this.closeStream();
      this.timer = window.setTimeout(() => {
        this.timer = null;
        if (this.running) this.openStream();
      }, plan.delayMs);
    }
  }

  private scheduleStreamRetry(): void {
    if (this.retryTimer !== null) window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = null;
      if (this.running && this.mode === 'poll' && typeof EventSource === 'function') this.openStream();
    }, STREAM_RETRY_MS);
  }

  private leavePolling(): void {
    this.mode = 'stream';
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.polling?.abort();
    this.polling = null;
  }

  private take(events: LiveEvent[]): void {
    for (const event of events) {
      const step = takeEventId(this.lastId, event.id);
      this.lastId = step.lastId;
      if (step.fresh) this.emit({ kind: 'event', event });
    }
  }

  private async poll(): Promise<void> {
    const controller = new AbortController();
    this.polling = controller;
    let delay = POLL_INTERVAL_MS;
    try {
      const response = await fetch(pollUrl(this.paths.poll, this.lastId), {
        headers: { accept: 'application/json' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        this.setStatus('denied');
        delay = DENIED_POLL_MS;
      } else if (!response.ok) {
        this.setStatus('reconnecting');
      } else {
        const answer = (await response.json()) as { events: LiveEvent[]; lastId: number };
        const before = this.lastId;
        const step = afterPoll(before, answer.lastId);
        if (step.resync) this.lastId = null;
        this.take(answer.events);
        this.lastId = step.lastId;
        this.setStatus('live');
        if (step.resync) this.resync();
      }
    } catch {
      if (controller.signal.aborted) return;
      this.setStatus('reconnecting');
    }
    if (this.polling !== controller || !this.running || this.mode !== 'poll') return;
    this.polling = null;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      if (this.running && this.mode === 'poll') void this.poll();
    }, delay);
  }
}
