// One admin action at a time: busy while it runs, the server's refusal or a success message after,
// the list reloaded on success and `onSettled` (e.g. closing a confirmation) either way.
import { useState } from 'react';
import { useStaff } from '../staff/use-staff-session.js';

export function useAdminAction(opts: { onSuccess: () => void; onSettled: () => void }) {
  const { onStaffError } = useStaff();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setRefusal(null);
    setFlash(null);
    try {
      await work();
      opts.onSuccess();
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
    } finally {
      setBusy(false);
      opts.onSettled();
    }
  };

  return { busy, refusal, flash, setFlash, run };
}
