import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { pick, t } from '../i18n';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
}

/** GETs `path` (null: nothing yet) and re-fetches when it changes or on reload. */
export function useLoad<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    api<T>(path).then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState({ data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { ...state, reload: useCallback(() => setTick((n) => n + 1), []) };
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  // Only a missing or expired session means "log in"; a wrong password or secret says what it is.
  const needsLogin = error instanceof ApiError && error.code === 'unauthenticated';
  const message =
    error instanceof ApiError
      ? needsLogin ? t('needLogin') : error.code === 'forbidden' ? `${t('forbidden')} ${pick(error.message)}` : pick(error.message)
      : String(error);
  return (
    <div class="alert error" role="alert">
      {message}
      {needsLogin && (
        <> <a href={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('login')}</a></>
      )}
    </div>
  );
}

/** Shows the error, a loading line, or the children once data is there. */
export function Async<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (loaded.data === null) return <p class="loading" aria-live="polite">{t('loadingText')}</p>;
  return <>{children(loaded.data)}</>;
}
