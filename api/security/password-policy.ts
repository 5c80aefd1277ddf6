import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { AppError } from '../errors';

export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;

/** zxcvbn-ts's list of the most used passwords (about 49,000), all lower case. */
const COMMON = new Set(dictionary['passwords-common']);

/** The password of any account set through the API: its length here, the rest in `passwordProblem`. Argon2 reads all of it. */
export const passwordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, `Tối thiểu ${PASSWORD_MIN_LENGTH} ký tự / at least ${PASSWORD_MIN_LENGTH} characters`);

/**
 * Why a password may not be used by the account with this email, or null. Refused: a common
 * password, also with digits, spaces or symbols added before or after (`Password1234!`), and one that
 * contains the email or its local part (from 3 characters; shorter ones occur in too many words).
 */
export function passwordProblem(password: string, email: string): string | null {
  const lower = password.toLowerCase();
  const core = lower.replace(/^\P{L}+|\P{L}+$/gu, '');
  if (COMMON.has(lower) || COMMON.has(core)) return 'Mật khẩu quá phổ biến, dễ bị đoán / a commonly used password, easy to guess';
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lower.includes(address) || (local.length >= 3 && lower.includes(local))) return 'Mật khẩu không được chứa email của người dùng / the password must not contain the user’s email';
  return null;
}

/** Throws `validation_failed` on the field `password` when the policy refuses it. */
export function assertPasswordAllowed(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'password', message: problem }]);
}
