// useResource for admin calls: the call comes scoped to the open section's hall (or the city) and
// in the screen's language, and loads again when either changes. A refusal that means the
// session ended (401) or the password must change first goes to the staff gate, which shows the
// sign-in screen again.
import { useI18n } from '../i18n/i18n.js';
import { useStaff } from '../staff/use-staff-session.js';
import { type Resource, useResource } from '../ui/use-resource.js';
import type { Call } from './admin-endpoints.js';
import { useAdminScope } from './admin-scope-context.js';
import { scopeKey } from './admin-scope.js';

export function useAdminResource<T>(load: (call: Call) => Promise<T>, key: string): Resource<T> {
  const { onStaffError } = useStaff();
  const { lang } = useI18n();
  const { scope } = useAdminScope();
  return useResource(
    (signal) =>
      load({ lang, signal, scope }).catch((error: unknown) => {
        onStaffError(error);
        throw error;
      }),
    `${key}|${lang}|${scopeKey(scope)}`,
  );
}
