import { type DependencyList, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.ts';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * Runs `load` when `deps` change and keeps its latest result; an older run never overwrites a newer one.
 * `load` returning undefined means "nothing to load yet".
 */
export function useAsync<T>(load: () => Promise<T> | undefined, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    const running = load();
    if (!running) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    running.then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (err: unknown) =>
        current &&
        setState((s) => ({
          data: s.data,
          error: err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)),
          loading: false,
        })),
    );
    return () => {
      current = false;
    };
    // The caller lists what `load` depends on, as with useEffect.
    // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  }, deps);
  return state;
}
