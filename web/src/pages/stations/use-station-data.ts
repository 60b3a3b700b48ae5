import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { packKey, readPack, type StoredPack, savePack } from './station-db.ts';
import type { PickList, Station } from './types.ts';

const STATIONS_KEY = 'kitout.stations';
const CHOICE_KEY = 'kitout.station';

/** The station this device was set to, and the intake it works on. */
export interface StationChoice {
  stationId: string;
  intakeId: string;
}

export function storedChoice(): StationChoice | null {
  try {
    const v = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? 'null') as StationChoice | null;
    return v && typeof v.stationId === 'string' && typeof v.intakeId === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function rememberChoice(choice: StationChoice): void {
  try {
    localStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
  } catch {
    // Storage switched off: the choice lasts until reload.
  }
}

function storedStations(): Station[] {
  try {
    const v = JSON.parse(localStorage.getItem(STATIONS_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Station[]) : [];
  } catch {
    return [];
  }
}

/** The stations, from the server, or the copy kept on the device when it cannot be reached. */
export function useStations(): { stations: Station[]; error?: ApiError; loaded: boolean } {
  const [state, setState] = useState<{ stations: Station[]; error?: ApiError; loaded: boolean }>(() => ({
    stations: storedStations(),
    loaded: false,
  }));
  useEffect(() => {
    const controller = new AbortController();
    api<{ stations: Station[] }>('/api/stations', { signal: controller.signal })
      .then(({ stations }) => {
        try {
          localStorage.setItem(STATIONS_KEY, JSON.stringify(stations));
        } catch {
          // Not kept: fine while online.
        }
        setState({ stations, loaded: true });
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err));
        // Offline with a copy: the copy is the answer.
        setState((s) => ({
          stations: s.stations,
          error: error.status === 0 && s.stations.length ? undefined : error,
          loaded: true,
        }));
      });
    return () => controller.abort();
  }, []);
  return state;
}

/** How often an online station fetches its pack again (other stations change the stock). */
const PACK_REFRESH_MS = 60_000;

/**
 * The station's pack for an intake: the copy on the device at once, then a fresh one from the server when it
 * answers (kept for next time), again every minute and whenever `refresh` is called.
 */
export function usePack(stationId: string, intakeId: string | undefined) {
  const [stored, setStored] = useState<StoredPack>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const inFlight = useRef(false);

  const fetchPack = useCallback(async () => {
    if (!intakeId || inFlight.current || !navigator.onLine) return;
    inFlight.current = true;
    const fetchedAt = new Date().toISOString();
    try {
      const pack = await api<StoredPack['pack']>(`/api/stations/${encodeURIComponent(stationId)}/pack`, {
        query: { intakeId },
      });
      const next = { key: packKey(stationId, intakeId), pack, fetchedAt };
      setStored(next);
      setError(undefined);
      await savePack(next).catch((err: unknown) => console.warn('kitout: pack not kept on the device', err));
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err));
      if (e.status !== 0) setError(e);
    } finally {
      inFlight.current = false;
      setLoading(false);
    }
  }, [stationId, intakeId]);

  useEffect(() => {
    if (!intakeId) return;
    let alive = true;
    setLoading(true);
    void readPack(packKey(stationId, intakeId))
      .then((kept) => {
        if (alive && kept) setStored((s) => s ?? kept);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!navigator.onLine && alive) setLoading(false);
      });
    void fetchPack();
    const timer = setInterval(() => void fetchPack(), PACK_REFRESH_MS);
    const online = () => void fetchPack();
    window.addEventListener('online', online);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [stationId, intakeId, fetchPack]);

  return { stored, error, loading, refresh: fetchPack };
}

/**
 * The server's pick list for a person, with the time its request started (events the server took after that are
 * laid over it). `offline` when the server cannot be reached: the caller then works from the pack.
 */
export function usePickList(stationId: string, personId: string | null) {
  const [state, setState] = useState<{
    list?: PickList;
    fetchedAt?: string;
    personId?: string;
    offline: boolean;
    error?: ApiError;
    loading: boolean;
  }>({ offline: false, loading: false });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void tick;
    if (!personId) {
      setState({ offline: false, loading: false });
      return;
    }
    if (!navigator.onLine) {
      setState({ offline: true, loading: false, personId });
      return;
    }
    const controller = new AbortController();
    const fetchedAt = new Date().toISOString();
    setState((s) => ({ ...s, loading: true, personId }));
    api<PickList>(`/api/stations/${encodeURIComponent(stationId)}/pick-list`, {
      query: { person: personId },
      signal: controller.signal,
    })
      .then((list) => setState({ list, fetchedAt, personId, offline: false, loading: false }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        const e = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err));
        setState({
          personId,
          offline: e.status === 0,
          error: e.status === 0 ? undefined : e,
          loading: false,
        });
      });
    return () => controller.abort();
  }, [stationId, personId, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
