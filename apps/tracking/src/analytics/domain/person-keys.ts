import { createHmac } from 'node:crypto';

/**
 * Keys that identify a person across items without storing the numbers: HMAC-SHA256 of the normalised
 * mobile and ID number. Anonymous citizens have none, so they are never linked as repeats.
 */
export function personKeys(
  citizen: { mobile?: string; idCard?: string; anonymous?: boolean },
  hmacKey: string,
): string[] {
  if (citizen.anonymous) return [];
  const keys: string[] = [];
  const mobile = citizen.mobile?.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (mobile) keys.push(`m:${createHmac('sha256', hmacKey).update(`mobile:${mobile}`).digest('hex')}`);
  const id = citizen.idCard?.trim().toUpperCase();
  if (id) keys.push(`i:${createHmac('sha256', hmacKey).update(`id:${id}`).digest('hex')}`);
  return keys;
}
