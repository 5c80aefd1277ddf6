/**
 * The GSM 03.38 default alphabet (GSM-7), the one every handset reads in a 160-character SMS. Many
 * SMS centres (and Vietnamese brand-name routes) take only GSM-7: Vietnamese then goes without
 * diacritics, the way people text ("Don cua ong/ba da duoc thu ly").
 */
const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Sent as an escape plus a second septet, so they count twice. */
const EXTENSION = '\f^{}\\[~]|€';
const GSM7 = new Set([...BASIC, ...EXTENSION]);

/** Typography with a plain equivalent, so a dash or quote does not become "?". */
const PLAIN: Record<string, string> = {
  'Đ': 'D', 'đ': 'd', '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', '·': '-', '\u00a0': ' ', '•': '-', '×': 'x',
};

/** Whether every character of `text` is in GSM-7 (basic set or extension table). */
export function isGsm7(text: string): boolean {
  return [...text].every((ch) => GSM7.has(ch));
}

/**
 * Vietnamese without diacritics, in GSM-7: "Đơn của ông/bà" → "Don cua ong/ba". Letters lose their
 * marks (NFD, then the combining marks dropped; Đ/đ have none and map to D/d); anything still
 * outside GSM-7 becomes "?".
 */
export function toGsm7(text: string): string {
  const plain = [...text].map((ch) => PLAIN[ch] ?? ch).join('');
  const stripped = plain.normalize('NFD').replace(/\p{M}/gu, '');
  return [...stripped].map((ch) => (GSM7.has(ch) ? ch : '?')).join('');
}

/** Septets the text takes in GSM-7 (extension characters count twice): 160 fit in one SMS. */
export function gsm7Length(text: string): number {
  return [...text].reduce((n, ch) => n + (EXTENSION.includes(ch) ? 2 : 1), 0);
}
