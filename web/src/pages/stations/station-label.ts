import type { TFunction } from 'i18next';

/**
 * A station as people call it, in the reader's language: "Станция 1", "1번 창구", from the number at the end of its
 * id (N-1 → 1); a station without one goes by its stored name.
 */
export function stationLabel(t: TFunction<'stations'>, station: { id: string; name?: string }): string {
  const n = /(\d+)$/.exec(station.id)?.[1];
  return n ? t('stationNumber', { n: Number(n) }) : (station.name ?? station.id);
}
