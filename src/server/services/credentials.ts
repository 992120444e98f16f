// A citizen's ID card (and phone) as the use cases keep them: checked by the domain's rules, then
// only keyed hashes and masked forms. Booking, look-up, cancelling and the kiosk's check-in share it.
import { maskIdCard, parseIdCard } from '../../domain/id-card.js';
import { maskPhone, parsePhone } from '../../domain/phone.js';
import { AppError } from './app-error.js';
import type { ServiceContext } from './context.js';

export interface Credentials {
  idCard: string;
  idHash: string;
  idMasked: string;
  phoneHash: string;
  phoneMasked: string;
  /** The checked phone number, only to be sealed for messages ('' when none was given). Never log it. */
  phone: string;
}

/** An ID card (and phone) checked by the domain's rules and masked, before the keyed hashes are made. */
export type CheckedPerson = Omit<Credentials, 'idHash' | 'phoneHash'>;

/** Validates the ID card and phone by the domain rules; refuses with the precise reason. */
export function credentials(ctx: ServiceContext, raw: { idCard: string; phone?: string }, today: string): Credentials {
  return hashed(ctx, checkedPerson(raw, today));
}

/**
 * The checks and masks of `credentials` without its two HMACs, for a use case that may refuse on
 * other grounds first (a booking of a full slot): `hashed` makes them when they are needed.
 */
export function checkedPerson(raw: { idCard: string; phone?: string }, today: string): CheckedPerson {
  const id = parseIdCard(raw.idCard, today);
  if (!id.ok) throw new AppError('INVALID_ID_CARD', { reason: id.error, field: 'idCard' });
  let phoneMasked = '';
  let phoneValue = '';
  if (raw.phone !== undefined) {
    const phone = parsePhone(raw.phone);
    if (!phone.ok) throw new AppError('INVALID_PHONE', { reason: phone.error, field: 'phone' });
    phoneMasked = maskPhone(phone.value);
    phoneValue = phone.value;
  }
  return { idCard: id.id.value, idMasked: maskIdCard(id.id.value), phoneMasked, phone: phoneValue };
}

/** The person's keyed hashes (no phone given: an empty phone hash). */
export function hashed(ctx: ServiceContext, p: CheckedPerson): Credentials {
  // Written out: a spread followed by more properties is copied the slow way by this V8.
  const { idCard, idMasked, phone, phoneMasked } = p;
  return { idCard, idMasked, phone, phoneMasked, idHash: ctx.pii.idCard(idCard), phoneHash: phone ? ctx.pii.phone(phone) : '' };
}
