// Whether this server asks for a 短信验证码 before a booking counts (the hall list's `verifyPhone`),
// so the form shows the code field before the citizen submits. False until the list has loaded:
// a booking refused with VERIFY_CODE_REQUIRED then shows the field anyway.
import { createContext, useContext } from 'react';

export const VerifyPhoneContext = createContext(false);

export function useVerifyPhone(): boolean {
  return useContext(VerifyPhoneContext);
}

/** CONTACT_RETENTION_DAYS as the hall list says it (30 until it has loaded). */
export const RetentionDaysContext = createContext(30);
