// The citizen's secret, kept for this browser tab only (sessionStorage), so the tracking page opened
// right after submitting can act without retyping it; a shared computer forgets it with the tab.
const key = (code: string) => `citizen-secret:${code}`;

export function rememberSecret(trackingCode: string, secret: string): void {
  try {
    sessionStorage.setItem(key(trackingCode), secret);
  } catch {
    // storage refused (private mode): the citizen types it
  }
}

export function rememberedSecret(trackingCode: string): string {
  try {
    return sessionStorage.getItem(key(trackingCode)) ?? '';
  } catch {
    return '';
  }
}

/** The header the API reads the secret from. */
export const SECRET_HEADER = 'X-Case-Secret';
