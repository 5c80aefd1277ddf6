import bcrypt from 'bcryptjs';

// bcryptjs: pure JavaScript, so no native add-on to build on a fresh machine.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return bcrypt.compare(password, stored);
}
