// Pull down at the top of the page on a touch screen to refresh.
import { type RefObject, useEffect, useRef, useState } from 'react';
import { type PullPhase, pullOffset, pullPhase } from './pull-logic.js';

export function usePullToRefresh(target: RefObject<HTMLElement | null>, onRefresh: () => void): { offset: number; phase: PullPhase } {
  const [offset, setOffset] = useState(0);
  const refresh = useRef(onRefresh);
  refresh.current = onRefresh;

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let startY: number | null = null;
    let current = 0;
    const start = (e: TouchEvent) => {
      startY = window.scrollY <= 0 && e.touches.length === 1 ? (e.touches[0]?.clientY ?? null) : null;
    };
    const move = (e: TouchEvent) => {
      if (startY === null) return;
      current = pullOffset((e.touches[0]?.clientY ?? startY) - startY);
      setOffset(current);
    };
    const end = () => {
      if (startY !== null && pullPhase(current) === 'armed') refresh.current();
      startY = null;
      current = 0;
      setOffset(0);
    };
    el.addEventListener('touchstart', start, { passive: true });
    el.addEventListener('touchmove', move, { passive: true });
    el.addEventListener('touchend', end);
    el.addEventListener('touchcancel', end);
    return () => {
      el.removeEventListener('touchstart', start);
      el.removeEventListener('touchmove', move);
      el.removeEventListener('touchend', end);
      el.removeEventListener('touchcancel', end);
    };
  }, [target]);

  return { offset, phase: pullPhase(offset) };
}
