// The console's hall scope for the screens below it: which hall the open section works in (or the
// city), the halls a city admin may switch between, and the switch itself (remembered on this
// device). Screens get calls already scoped through useAdminResource and useAdminCall.
import { createContext, useCallback, useContext, useState } from 'react';
import type { AdminHall } from '../../contracts/admin-halls.js';
import { useI18n } from '../i18n/i18n.js';
import type { Call } from './admin-endpoints.js';
import { type HallChoice, choiceText, parseChoice } from './admin-scope.js';
import type { Scope } from './admin-scope.js';
import type { AdminRole } from './admin-tabs.js';

export interface AdminScopeValue {
  role: AdminRole;
  /** The open section's scope. */
  scope: Scope;
  /** Every hall for a city admin (open or closed), the own hall for a hall admin. */
  halls: readonly AdminHall[];
  reloadHalls: () => void;
  choose: (value: string) => void;
}

export const AdminScopeContext = createContext<AdminScopeValue | null>(null);

export function useAdminScope(): AdminScopeValue {
  const value = useContext(AdminScopeContext);
  if (!value) throw new Error('useAdminScope outside the admin console');
  return value;
}

/** What an admin action sends with: the language and the open section's hall (or the city). */
export function useAdminCall(): Call {
  const { lang } = useI18n();
  const { scope } = useAdminScope();
  return { lang, scope };
}

const CHOICE_KEY = 'vreserve.admin.hall';

function storedChoice(): HallChoice {
  try {
    return parseChoice(window.localStorage.getItem(CHOICE_KEY));
  } catch {
    return parseChoice(null);
  }
}

/** A city admin's choice of hall, kept on this device (a shared PC in the city office remembers the last). */
export function useHallChoice(): [HallChoice, (next: HallChoice) => void] {
  const [choice, setChoice] = useState<HallChoice>(storedChoice);
  const set = useCallback((next: HallChoice) => {
    setChoice(next);
    try {
      window.localStorage.setItem(CHOICE_KEY, choiceText(next));
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
  }, []);
  return [choice, set];
}
