/** Loads one API resource for a component; reloads when `key` changes. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from './api.js';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'failed'; readonly error: ApiError } | { readonly state: 'ready'; readonly value: T };

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('NetworkError', error instanceof Error ? error.message : String(error), 0);
}

export function useApi<T>(path: string | undefined, key: unknown = path): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === undefined) return undefined;
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    getJson<T>(path, controller.signal).then(
      (value) => setLoaded({ state: 'ready', value }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, generation]);
  return [loaded, () => setGeneration((n) => n + 1)];
}
