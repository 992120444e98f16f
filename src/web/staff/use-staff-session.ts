// Who is signed in at this staff screen. The session is an HttpOnly cookie: the page only asks
// the server (GET /auth/me) and reacts to 401 (expired) and PASSWORD_CHANGE_REQUIRED.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { MeResponse } from '../../contracts/auth.js';
import { ApiError, isAbort } from '../api/client.js';
import { getMe, logout } from '../api/auth-endpoints.js';
import type { Lang } from '../i18n/i18n.js';

export type StaffMe = Extract<MeResponse, { kind: 'staff' }>;

export type StaffSession =
  | { state: 'loading' }
  | { state: 'signed-out'; notice: 'none' | 'signed-out' | 'expired' }
  | { state: 'signed-in'; me: StaffMe }
  | { state: 'error'; error: unknown };

export interface StaffSessionApi {
  session: StaffSession;
  signedIn: (me: StaffMe) => void;
  signOut: () => Promise<void>;
  /** Asks the server again (after a password change, or a refusal that may mean the session changed). */
  refresh: () => void;
  /** A staff call failed: 401 means the session is gone, PASSWORD_CHANGE_REQUIRED means change it first. */
  onStaffError: (error: unknown) => void;
}

export function useStaffSession(lang: Lang): StaffSessionApi {
  const [session, setSession] = useState<StaffSession>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  const langRef = useRef(lang);
  langRef.current = lang;

  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    getMe({ lang: langRef.current, signal: controller.signal }).then(
      (me) => {
        // A paired device's cookie is not a staff member.
        setSession(me.kind === 'staff' ? { state: 'signed-in', me } : { state: 'signed-out', notice: 'none' });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        // Signed in a moment ago and now unknown: the session ended (expired, or signed out elsewhere).
        if (error instanceof ApiError && error.status === 401) setSession((s) => ({ state: 'signed-out', notice: s.state === 'signed-in' ? 'expired' : 'none' }));
        else setSession({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [nonce]);

  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  const signedIn = useCallback((me: StaffMe) => setSession({ state: 'signed-in', me }), []);
  const signOut = useCallback(async () => {
    try {
      await logout({ lang: langRef.current });
    } finally {
      setSession({ state: 'signed-out', notice: 'signed-out' });
    }
  }, []);
  const onStaffError = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 401) setSession({ state: 'signed-out', notice: 'expired' });
      else if (error.code === 'PASSWORD_CHANGE_REQUIRED') refresh();
    },
    [refresh],
  );
  return { session, signedIn, signOut, refresh, onStaffError };
}

export interface StaffContextValue {
  me: StaffMe;
  signOut: () => Promise<void>;
  onStaffError: (error: unknown) => void;
  /** Asks the server whether the session still holds (e.g. when the live stream is refused). */
  refresh: () => void;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

/** The signed-in staff member, inside a StaffGate. */
export function useStaff() {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff outside StaffGate');
  return value;
}
