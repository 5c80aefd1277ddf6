// The console's only way to the server: JSON over /api with the session cookie.
import type { components } from './api-types';
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ / cannot reach the server');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; fields?: FieldProblem[] };
    throw new ApiError(res.status, p.code ?? 'http_' + res.status, p.detail ?? `HTTP ${res.status}`, p.fields ?? []);
  }
  return data as T;
}

/** Field errors keyed by path ("petitioner.address"). */
export const fieldErrors = (err: unknown): Record<string, string> =>
  err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.field, f.message])) : {};

/** The id of the case in the caller's scope with this tracking code. */
export const caseIdByCode = async (code: string): Promise<string> =>
  (await api<ApiType<'CaseRef'>>(`/api/cases/by-code/${encodeURIComponent(code.trim())}`)).id;

/** A response body's type, by its name in the OpenAPI document (generated into api-types.ts). */
export type ApiType<N extends keyof components['schemas']> = components['schemas'][N];
