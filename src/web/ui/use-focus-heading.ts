import { useLayoutEffect, useRef } from 'react';

/** Moves focus to a screen's heading when the screen (named by `key`) appears, for screen readers, in the commit that draws it. */
export function useFocusHeading<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key marks a new screen
  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
