// useResource for admin calls: a refusal that means the session ended (401) or the password
// must change first goes to the staff gate, which shows the sign-in screen again.
import { useStaff } from '../staff/use-staff-session.js';
import { type Resource, useResource } from '../ui/use-resource.js';

export function useAdminResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const { onStaffError } = useStaff();
  return useResource(
    (signal) =>
      load(signal).catch((error: unknown) => {
        onStaffError(error);
        throw error;
      }),
    key,
  );
}
