import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordSchema } from './password-policy';

describe('password policy', () => {
  it('wants at least 12 characters, counted as characters, not bytes', () => {
    expect(passwordSchema.safeParse('ngắn-quá-1').success).toBe(false);
    expect(passwordSchema.safeParse('Đồng lúa vàng').success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(201)).success).toBe(false);
  });

  it('refuses common passwords, whatever their case and with digits or symbols around them', () => {
    for (const p of ['qwerty123456', 'QWERTY123456', '1qaz2wsx3edc', 'Password1234!', '2026letmein!!', 'iloveyou 2026']) expect(passwordProblem(p, 'a@b.test'), p).toMatch(/phổ biến.* \/ a commonly used password/);
    expect(passwordProblem('Đồng lúa chín vàng 2026', 'a@b.test')).toBeNull();
  });

  it('refuses the user’s own email or its local part', () => {
    expect(passwordProblem('Nguyen.Van.An-2026', 'nguyen.van.an@hoason.gov.test')).toMatch(/email/);
    expect(passwordProblem('x-nguyen.van.an@hoason.gov.test', 'Nguyen.Van.An@hoason.gov.test')).toMatch(/email/);
    expect(passwordProblem('an-an-an-an-an', 'an@hoason.gov.test')).toBeNull(); // a two-letter local part is in too many words
    expect(passwordProblem('Đồng lúa chín vàng 2026', 'nguyen.van.an@hoason.gov.test')).toBeNull();
  });
});
