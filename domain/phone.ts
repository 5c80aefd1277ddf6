/**
 * A Vietnamese phone number as typed ("0912 345 678", "+84 912-345-678", "84912345678") in the
 * international form SMS centres route on: digits only, country code first ("84912345678").
 * Returns null for what cannot be a number.
 */
export function toMsisdn(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[\s.()-]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  let msisdn: string;
  if (digits.startsWith('+')) msisdn = digits.slice(1);
  else if (digits.startsWith('00')) msisdn = digits.slice(2);
  else if (digits.startsWith('0')) msisdn = `84${digits.slice(1)}`;
  else msisdn = digits;
  return /^\d{8,15}$/.test(msisdn) ? msisdn : null;
}

/** "84912345678" → "+84 ••• ••• 678": enough for staff to tell numbers apart, not to read one. */
export function maskedMsisdn(msisdn: string): string {
  return `+${msisdn.slice(0, 2)} ••• ••• ${msisdn.slice(-3)}`;
}
