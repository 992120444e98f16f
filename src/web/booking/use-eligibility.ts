// 爽约: as soon as a valid ID card and phone are typed, the form asks whether this person may book
// this service online, so a blocked citizen learns why (and until when) before choosing a slot.
import { useCallback, useRef, useState } from 'react';
import type { Lang } from '../../contracts/errors.js';
import { ApiError } from '../api/client.js';
import { checkEligibility } from '../api/endpoints.js';

export function useEligibility(serviceId: number, lang: Lang) {
  const [blocked, setBlocked] = useState<ApiError | null>(null);
  const asked = useRef<string | null>(null);

  const check = useCallback(
    async (person: { idCard: string; phone: string }) => {
      const key = `${serviceId}|${person.idCard}|${person.phone}`;
      if (asked.current === key) return;
      asked.current = key;
      try {
        await checkEligibility({ serviceId, ...person }, { lang });
        if (asked.current === key) setBlocked(null);
      } catch (error) {
        // Only a block is shown here; any other problem is said when the form is sent.
        if (asked.current !== key) return;
        setBlocked(error instanceof ApiError && error.code === 'BOOKING_BLOCKED' ? error : null);
        if (!(error instanceof ApiError && error.code === 'BOOKING_BLOCKED')) asked.current = null;
      }
    },
    [serviceId, lang],
  );

  /** The booking itself was refused as blocked (the block began after the check). */
  const refused = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.code === 'BOOKING_BLOCKED') {
      setBlocked(error);
      return true;
    }
    return false;
  }, []);

  /** The person typed changed: the earlier answer no longer applies. */
  const reset = useCallback(() => {
    asked.current = null;
    setBlocked(null);
  }, []);

  return { blocked, check, refused, reset };
}
