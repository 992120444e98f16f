// Back to the start screen after a while without a touch, so the next person never sees the
// last one's number or ID. Any touch, click or key restarts the count.
import { useEffect, useRef, useState } from 'react';

/** Calls `onIdle` after `seconds` without input while `active`; returns the seconds left. */
export function useIdle(active: boolean, seconds: number, onIdle: () => void): number {
  const [left, setLeft] = useState(seconds);
  const callback = useRef(onIdle);
  callback.current = onIdle;

  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    setLeft(seconds);
    const touch = () => {
      last = Date.now();
      setLeft(seconds);
    };
    const tick = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - last) / 1000));
      setLeft(remaining);
      if (remaining === 0) callback.current();
    }, 250);
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    return () => {
      window.clearInterval(tick);
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [active, seconds]);

  return left;
}
