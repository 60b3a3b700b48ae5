/** Pure helpers of the report pages (tested beside them). */

export interface SeriesPoint {
  at: string;
  answered: number;
  resolved: number;
  issued: number;
  fullyKitted: number;
}

/** Running totals of the new-per-period series: how many people had reached each step by then. */
export function cumulative(points: SeriesPoint[]): SeriesPoint[] {
  const sum = { answered: 0, resolved: 0, issued: 0, fullyKitted: 0 };
  return points.map((p) => {
    sum.answered += p.answered;
    sum.resolved += p.resolved;
    sum.issued += p.issued;
    sum.fullyKitted += p.fullyKitted;
    return { at: p.at, ...sum };
  });
}

/**
 * A period's label: `at` is a wall-clock time in the dashboard's time zone (`2026-12-01T09:00`), so it is
 * formatted as that wall time, whatever zone the browser is in.
 */
export function periodLabel(at: string, bucket: 'day' | 'hour', lang: string): string {
  // Checked by pattern: Date's own parser is lenient enough to read "soon:00Z" as a date.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at)) return at;
  const d = new Date(`${at}:00Z`);
  return new Intl.DateTimeFormat(
    lang,
    bucket === 'day'
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' },
  ).format(d);
}

/** A cover ratio (stock ÷ what is left to issue) as a percentage text; null when nothing is left to issue. */
export function coverText(cover: number | null, percent: (f: number) => string): string {
  return cover === null ? '—' : percent(cover);
}

/** Measurement bins as chart rows: `from–to`. */
export function binRows(
  bins: { from: number; count: number }[],
  width: number,
  number: (n: number) => string,
) {
  return bins.map((b) => ({ label: `${number(b.from)}–${number(b.from + width)}`, count: b.count }));
}
