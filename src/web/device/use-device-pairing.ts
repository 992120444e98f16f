// Is this browser a paired kiosk / display? Pairs it first when the address carries a pairing
// link, then asks the server who we are. Screens call `lost()` when the server says 401 later
// (the device was revoked).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from '../api/client.js';
import { getMe, pairDevice } from '../api/auth-endpoints.js';
import type { Lang } from '../i18n/i18n.js';
import { type DeviceKind, deviceVerdict, hashWithoutPair, pairTokenFromHash } from './pairing-logic.js';

export type PairingState =
  | { state: 'checking' }
  | { state: 'paired'; name: string }
  | { state: 'unpaired'; reason: 'none' | 'bad-link' | 'wrong-kind' }
  | { state: 'error'; error: unknown };

function dropTokenFromAddress(): void {
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hashWithoutPair(hash)}`);
}

export function useDevicePairing(kind: DeviceKind, lang: Lang): { pairing: PairingState; retry: () => void; lost: () => void } {
  const [pairing, setPairing] = useState<PairingState>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);
  // Read once: after the first attempt the token is gone from the address, kept here for a retry.
  const token = useRef<string | null | undefined>(undefined);
  if (token.current === undefined) token.current = pairTokenFromHash(window.location.hash);
  const langRef = useRef(lang);
  langRef.current = lang;

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    const call = { lang: langRef.current, signal: controller.signal };
    setPairing({ state: 'checking' });
    (async () => {
      const pairWith = token.current;
      let badLink = false;
      if (pairWith) {
        try {
          await pairDevice(pairWith, call);
          token.current = null;
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0) throw error;
          // Refused (revoked or mistyped link): say so, and never try this token again.
          token.current = null;
          badLink = true;
        } finally {
          dropTokenFromAddress();
        }
      }
      let me = null;
      try {
        me = await getMe(call);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
      }
      const verdict = deviceVerdict(me, kind);
      if (verdict === 'paired') setPairing({ state: 'paired', name: me?.kind === 'device' ? me.name : '' });
      else if (badLink) setPairing({ state: 'unpaired', reason: 'bad-link' });
      else setPairing({ state: 'unpaired', reason: verdict === 'wrong-kind' ? 'wrong-kind' : 'none' });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted && !isAbort(error)) setPairing({ state: 'error', error });
    });
    return () => controller.abort();
  }, [kind, attempt]);

  // A pairing link opened in a tab already showing this page only changes the hash.
  useEffect(() => {
    const onHash = () => {
      const fresh = pairTokenFromHash(window.location.hash);
      if (!fresh) return;
      token.current = fresh;
      setAttempt((n) => n + 1);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const lost = useCallback(() => setPairing({ state: 'unpaired', reason: 'none' }), []);
  return { pairing, retry, lost };
}
