import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, forbiddenCharacterMessage } from './safe-text';

describe('forbiddenCharacter', () => {
  it.each([
    ['a\u0000b', 'U+0000', 'nul'],
    ['a\uD800b', 'U+D800', 'surrogate'],
    ['tail \uDC00', 'U+DC00', 'surrogate'],
    ['bell\u0007', 'U+0007', 'control'],
    ['esc\u001b[31m', 'U+001B', 'control'],
    ['del\u007f', 'U+007F', 'control'],
    ['c1\u0085', 'U+0085', 'control'],
    ['Xả thải\u202Egnọs', 'U+202E', 'bidi'],
    ['iso\u2066late', 'U+2066', 'bidi'],
    ['mark\u200F', 'U+200F', 'bidi'],
    ['non\uFFFE', 'U+FFFE', 'noncharacter'],
    ['non\uFDD0', 'U+FDD0', 'noncharacter'],
  ])('refuses %j (%s, %s)', (text, codePoint, kind) => {
    expect(forbiddenCharacter(text)).toEqual({ codePoint, kind });
  });

  it.each([
    'Xả thải ra suối, phường Hòa Sơn',
    'dòng một\ndòng hai\r\n\tthụt lề',
    'emoji 😀 and CJK 漢字 and Arabic مرحبا',
    'zero-width joiner 👩\u200D💻',
    '',
  ])('accepts %j', (text) => {
    expect(forbiddenCharacter(text)).toBeNull();
  });

  it('names the character in Vietnamese then English', () => {
    expect(forbiddenCharacterMessage({ codePoint: 'U+0000', kind: 'nul' })).toBe('Có ký tự rỗng (U+0000) không được phép / contains a NUL character (U+0000), which is not allowed');
  });
});
