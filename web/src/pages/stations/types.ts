/**
 * The stations API as the web UI reads it (/tmp/stations-contract.md). Kept as plain types on the client until
 * the server's zod schemas exist to infer them from; the server may add fields, never rename or remove.
 */

export type Texts = { ru?: string; ko?: string; en?: string };

export interface Station {
  id: string;
  name: string;
  depotId: string;
  language: string;
}

export type TicketStatus = 'waiting' | 'called' | 'served' | 'left';

export interface Ticket {
  id: number | string;
  number: number;
  personId: string;
  status: TicketStatus;
  checkedInAt: string;
  stationId: string | null;
}

export interface BoardStation {
  id: string;
  name: string;
  current: { number: number; personId: string; name: string; latinName: string | null } | null;
  servedLastHour: number;
}

export interface Board {
  stations: BoardStation[];
  waiting: number;
  next: { number: number }[];
  perStationPerHour: number | null;
  etaMinutes: number | null;
  medianWaitMinutes: number | null;
  servedToday: number;
}

export interface PickPerson {
  id: string;
  intakeId: string;
  name: string;
  latinName: string | null;
  language: string | null;
}

export interface PickAnswer {
  field: string;
  question: Texts;
  value: string;
  label: Texts;
}

export interface Alternative {
  size: string;
  available: number;
  reason: string;
}

export interface PickLine {
  item: string;
  itemName: Texts;
  unit: number;
  entitled: number;
  allocated: { size: string; depot: string } | null;
  issued: { size: string } | null;
  bin: string | null;
  available: number;
  alternatives: Alternative[];
}

export interface PickList {
  person: PickPerson;
  stationDepot: string;
  answers: PickAnswer[];
  lines: PickLine[];
}

export interface PackItem {
  id: string;
  name: Texts;
  sizes: string[];
}

export interface PackStock {
  item: string;
  size: string;
  onHand: number;
  reserved: number;
}

export interface PackPersonLine {
  item: string;
  unit: number;
  entitled: number;
  allocated: string | null;
  issued: string | null;
  /** The unit's reservation is still held at the station's depot (when the pack says; else inferred). */
  reservedHere?: boolean;
}

export interface PackPerson {
  id: string;
  name: string;
  latinName: string | null;
  language: string | null;
  role?: string | null;
  lines: PackPersonLine[];
}

export interface Pack {
  stationDepot: string;
  generatedAt: string;
  /**
   * What each person of the intake is entitled to. When present, a person's `lines` list only the units that are
   * allocated or issued, and the rest follow from here (a compact pack for 12,000 people).
   */
  entitlements?: { item: string; qty: number }[];
  /** Entitlements by the person's role, where roles have their own (a person's `role` picks one). */
  roleEntitlements?: Record<string, { item: string; qty: number }[]>;
  items: PackItem[];
  stock: PackStock[];
  bins: { item: string; size: string; bin: string }[];
  people: PackPerson[];
}

export type EventKind = 'issue' | 'exchange' | 'return' | 'loss';
export type ConditionCode = 'A' | 'B' | 'F' | 'H';
export const CONDITION_CODES: readonly ConditionCode[] = ['A', 'B', 'F', 'H'];

/** One action at a station, exactly as it is posted to `POST /api/stations/{id}/events`. */
export interface StationEventBody {
  id: string;
  kind: EventKind;
  personId: string;
  item: string;
  size: string;
  toSize?: string;
  condition?: ConditionCode;
  clientTime: string;
}

export interface EventResult {
  id: string;
  status: 'applied' | 'duplicate' | 'refused';
  code?: string;
  message?: string;
  suggestion?: { size: string; available: number };
}

export interface KitEvent {
  id: number | string;
  at: string;
  kind: 'issue' | 'return' | 'exchange' | 'loss' | 'damage';
  item: string;
  size: string;
  fromSize: string | null;
  qty: number;
  condition: string | null;
  stationId: string | null;
  depotId: string | null;
  actorName: string | null;
}

export interface KitRecord {
  holdings: { item: string; size: string; qty: number }[];
  events: KitEvent[];
}

/** A text in the wanted language, else English, else any language it has. */
export function textIn(texts: Texts | undefined, lang: string | null | undefined): string {
  if (!texts) return '';
  const pick = (texts as Record<string, string | undefined>)[lang ?? ''];
  return pick ?? texts.en ?? texts.ru ?? texts.ko ?? Object.values(texts).find(Boolean) ?? '';
}
