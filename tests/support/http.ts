import { DEMO_PASSWORD } from '../../prisma/demo-province';
import type { TestSystem } from './system';

/** Logs a demo user in and returns the `cookie` header value of the session. */
export async function login(sys: TestSystem, email: string): Promise<string> {
  const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export const ADMIN = 'quantri@hoason.gov.test';
