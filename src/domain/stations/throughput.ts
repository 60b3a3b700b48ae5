/** A queue ticket's times, as the board and throughput figures need them (milliseconds since the epoch). */
export interface TicketTimes {
  stationId: string | null;
  status: 'waiting' | 'called' | 'served' | 'left';
  checkedInAt: number;
  calledAt: number | null;
  servedAt: number | null;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The value below which a share `q` (0–1) of the sorted values lie, by nearest rank; undefined for none. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Minutes each called person waited between check-in and being called. */
export function waits(tickets: readonly TicketTimes[]): number[] {
  return tickets
    .filter((t) => t.calledAt !== null)
    .map((t) => Math.max(0, (t.calledAt! - t.checkedInAt) / MINUTE));
}

/**
 * People served per station per hour, measured over the last hour: those served in it divided by the stations
 * that served anyone in it. Null when nobody was served in the last hour (there is nothing to measure).
 */
export function perStationPerHour(tickets: readonly TicketTimes[], now: number): number | null {
  const recent = tickets.filter((t) => t.servedAt !== null && t.servedAt > now - HOUR && t.servedAt <= now);
  if (recent.length === 0) return null;
  const stations = new Set(recent.map((t) => t.stationId ?? '')).size;
  return recent.length / stations;
}

/**
 * Minutes until the last person in the queue is called: the people ahead of them and them, served by the open
 * stations at the measured rate. Null without a measured rate; 0 for an empty queue.
 */
export function etaMinutes(waiting: number, rate: number | null, openStations: number): number | null {
  if (waiting === 0) return 0;
  if (rate === null || rate <= 0 || openStations <= 0) return null;
  return Math.round((waiting / (rate * openStations)) * 60);
}

/**
 * Each station's people served and its rate per hour over the time it has been working: from its first call to
 * its last serve (at least a quarter of an hour, so one quick serve does not read as 100 an hour).
 */
export function stationRates(
  tickets: readonly TicketTimes[],
): Map<string, { served: number; perHour: number }> {
  const by = new Map<string, { served: number; first: number; last: number }>();
  for (const t of tickets) {
    if (t.status !== 'served' || !t.stationId || t.servedAt === null) continue;
    const s = by.get(t.stationId) ?? { served: 0, first: Number.POSITIVE_INFINITY, last: 0 };
    s.served++;
    s.first = Math.min(s.first, t.calledAt ?? t.servedAt);
    s.last = Math.max(s.last, t.servedAt);
    by.set(t.stationId, s);
  }
  const out = new Map<string, { served: number; perHour: number }>();
  for (const [id, s] of by) {
    const hours = Math.max(0.25, (s.last - s.first) / HOUR);
    out.set(id, { served: s.served, perHour: Math.round((s.served / hours) * 10) / 10 });
  }
  return out;
}
