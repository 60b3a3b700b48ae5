import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbort } from '../api/api-error.ts';
import { api, type RequestOptions } from '../api/client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `path` and reloads when it or the query changes. An older answer never overwrites a newer one: the
 * previous request is aborted. The last good data stays on screen while the next page loads, so tables do not flash.
 */
export function useApi<T>(path: string | undefined, query?: RequestOptions['query']): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== undefined);
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === undefined) return;
    // tick is read so that reload() runs this effect again.
    void tick;
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { query: JSON.parse(queryKey) as RequestOptions['query'], signal: controller.signal })
      .then((value) => {
        setData(value);
        setError(undefined);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
