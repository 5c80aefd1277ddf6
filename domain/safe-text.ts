/**
 * Characters no text field may carry. PostgreSQL refuses U+0000, an unpaired surrogate cannot be
 * encoded as UTF-8 at all, control characters break mail headers and CSV, and bidi overrides make
 * a title read differently from what it says (spoofing in the console and in mail). Tab, line
 * feed and carriage return stay: they are ordinary in letters.
 */
export interface ForbiddenCharacter {
  /** e.g. "U+0000" */
  codePoint: string;
  kind: 'nul' | 'surrogate' | 'control' | 'bidi' | 'noncharacter';
}

const KIND_VI: Record<ForbiddenCharacter['kind'], string> = {
  nul: 'ký tự rỗng',
  surrogate: 'ký tự Unicode không hoàn chỉnh',
  control: 'ký tự điều khiển',
  bidi: 'ký tự đổi chiều văn bản',
  noncharacter: 'ký tự Unicode không hợp lệ',
};
const KIND_EN: Record<ForbiddenCharacter['kind'], string> = {
  nul: 'a NUL character',
  surrogate: 'an incomplete Unicode character',
  control: 'a control character',
  bidi: 'a text-direction override',
  noncharacter: 'an invalid Unicode character',
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function kindOf(cp: number): ForbiddenCharacter['kind'] | null {
  if (cp === 0) return 'nul';
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return null;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if (cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'surrogate'; // only reached unpaired: for..of pairs the rest
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'noncharacter';
  return null;
}

/** The first character of `text` that no field may carry, or null. */
export function forbiddenCharacter(text: string): ForbiddenCharacter | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const kind = kindOf(cp);
    if (kind) return { codePoint: hex(cp), kind };
  }
  return null;
}

/** The field message: Vietnamese, then English. */
export function forbiddenCharacterMessage({ codePoint, kind }: ForbiddenCharacter): string {
  return `Có ${KIND_VI[kind]} (${codePoint}) không được phép / contains ${KIND_EN[kind]} (${codePoint}), which is not allowed`;
}
