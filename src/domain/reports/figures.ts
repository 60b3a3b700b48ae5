/** The figures the reports show, shared by the server and the web pages (pure: no I/O). */

/** The steps a person goes through, in order; each figure counts people. */
export const FUNNEL = ['answered', 'resolved', 'allocated', 'issued', 'fullyKitted'] as const;
export type FunnelStep = (typeof FUNNEL)[number];

/**
 * Figures that drill down to the people (qty per person), ledger movements (issuedUnits, returnedUnits) or kit
 * events (lostUnits: a loss posts no movement) behind them.
 */
export const DRILL_FIGURES = [
  'answered',
  'resolved',
  'allocated',
  'issued',
  'fullyKitted',
  'entitled',
  'held',
  'outstanding',
  'overIssued',
  'unmet',
  'issuedUnits',
  'returnedUnits',
  'lostUnits',
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];
