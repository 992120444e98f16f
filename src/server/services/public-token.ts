// The public token of a booking or walk-in ticket (its page /t/<token> and QR codes): 16 random
// bytes (128 bits), base64url, so nobody can guess another person's page.
import { randomBytesPooled } from './random-pool.js';
import { PUBLIC_TOKEN_LENGTH } from '../../domain/public-ticket.js';

export function newPublicToken(): string {
  const token = randomBytesPooled(16).toString('base64url');
  if (token.length !== PUBLIC_TOKEN_LENGTH) throw new Error('unexpected token length');
  return token;
}
