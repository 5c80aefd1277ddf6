export const GOFAKES3_VERSION: string;
export function ensureObjectStore(): string;
