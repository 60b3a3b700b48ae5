import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Timestamps are written as Date or ISO text and read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: string;
  name: string;
  size_profile: JSONColumnType<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: ColumnType<string[], string[], string[]>;
  language: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the browser's cookie. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

export interface IdempotencyTable {
  key: string;
  scope: string;
  request_hash: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface SiteTable {
  id: string;
  name: string;
}

export interface DepotTable {
  id: string;
  name: string;
  site_id: string | null;
  created_at: Timestamp;
}

export interface ItemTable {
  id: string;
  /** Names per language, e.g. {"en":"Cap","ru":"Кепи","ko":"모자"}. */
  names: JSONColumnType<Record<string, string>>;
  /** The size system its labels are written in (an id of the sizes module), or null for one-size items. */
  size_system: string | null;
  sort: number;
  /** Whether available stock may go below zero (e.g. items made to order). */
  allow_negative: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface ItemVariantTable {
  item_id: string;
  label: string;
  sort: number;
  /** Body intervals this size fits, as the sizes module states them. */
  fits: JSONColumnType<Record<string, unknown>>;
}

export interface IntakeTable {
  id: string;
  name: string;
  site_id: string;
  start_date: ColumnType<string, string, string>;
  status: string;
  /** The size tariff that forecasts this intake's demand before answers arrive. */
  tariff: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

export interface PersonTable {
  id: string;
  intake_id: string;
  name: string;
  name_latin: string | null;
  name_cyrillic: string | null;
  site_id: string;
  birth_date: string | null;
  sex: string | null;
  unit: string | null;
  language: string | null;
  /** The person's role (migration 009): entitlements of scope `role:<name>` apply to them. */
  role: ColumnType<string | null, string | null | undefined, string | null>;
  extra: JSONColumnType<Record<string, string>, string, string>;
  created_at: Timestamp;
  /**
   * The name's search keys in the layout of `src/domain/names/stored-keys.ts` (migration 004). Computed in
   * TypeScript (`storedSearchKeys`) by whatever inserts the person; null means not computed, and such a person
   * is found by id only.
   */
  search_keys: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MovementTable {
  id: Generated<number>;
  key: string;
  request_hash: string;
  type: string;
  depot_id: string;
  item_id: string;
  size: string;
  qty: number;
  other_depot_id: string | null;
  person_id: string | null;
  condition: string | null;
  reason: string | null;
  document: string | null;
  reverses: number | null;
  effects: JSONColumnType<StoredEffect[]>;
  actor_id: string | null;
  at: Timestamp;
}

export interface StoredEffect {
  depot: string;
  item: string;
  size: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  unserviceable: number;
}

export interface BalanceTable {
  depot_id: string;
  item_id: string;
  size: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  in_transit: Generated<number>;
  unserviceable: Generated<number>;
  updated_at: Timestamp;
}

export interface SizeTariffTable {
  /** A tariff's name; intakes name the one they forecast with (`default` unless chosen). */
  name: string;
  item_id: string;
  size: string;
  share: number;
}

export interface AllocationRunTable {
  id: string;
  intake_id: string;
  status: 'proposed' | 'accepted' | 'superseded';
  objective: number;
  unmet: number;
  summary: JSONColumnType<AllocationSummary>;
  actor_id: string | null;
  created_at: Timestamp;
  accepted_at: Timestamp | null;
}

/** What a run says at a glance: people considered, per item the units issued, substituted and left unmet. */
export interface AllocationSummary {
  people: number;
  answered: number;
  items: { item: string; demand: number; preferred: number; substituted: number; unmet: number }[];
  shortages: { item: string; size: string; site: string; unmet: number }[];
  reservations: { depot: string; item: string; size: string; qty: number }[];
}

/** One row per person and run; `allocations` (a view) unnests it into one row per line. */
export interface AllocationSetTable {
  run_id: string;
  person_id: string;
  items: string[];
  units: number[];
  preferred: string[];
  issued: (string | null)[];
  depots: (string | null)[];
  reason_ids: (number | null)[] | null;
}

/** The distinct explanations of a run's lines, numbered; `allocation_sets.reason_ids` names them. */
export interface AllocationReasonTable {
  run_id: string;
  id: number;
  reason: JSONColumnType<{ key: string; params: Record<string, string | number> }, string, string>;
}

/** The view over {@link AllocationSetTable}: one row per person × item × unit. Read-only. */
export interface AllocationTable {
  run_id: string;
  person_id: string;
  item_id: string;
  unit: number;
  preferred: string;
  issued: string | null;
  depot_id: string | null;
  reason: JSONColumnType<
    { key: string; params: Record<string, string | number> },
    string | null,
    string | null
  > | null;
}

export interface EntitlementTable {
  /** `default` for the organisation, or `intake:<id>` for one intake. */
  scope: string;
  item_id: string;
  qty: number;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyTable;
  sites: SiteTable;
  depots: DepotTable;
  items: ItemTable;
  item_variants: ItemVariantTable;
  intakes: IntakeTable;
  people: PersonTable;
  movements: MovementTable;
  balances: BalanceTable;
  entitlements: EntitlementTable;
  size_tariffs: SizeTariffTable;
  allocation_runs: AllocationRunTable;
  allocations: AllocationTable;
  allocation_sets: AllocationSetTable;
  allocation_reasons: AllocationReasonTable;
  forms: FormTable;
  submissions: SubmissionTable;
  stations: StationTable;
  bins: BinTable;
  queue_tickets: QueueTicketTable;
  station_events: StationEventTable;
  kit_events: KitEventTable;
  paper_layouts: PaperLayoutTable;
  paper_layout_pages: PaperLayoutPageTable;
  paper_batches: PaperBatchTable;
  paper_pages: PaperPageTable;
  paper_review_items: PaperReviewItemTable;
}

/** One stored version of a questionnaire (migration 003); frozen once written except for `active`. */
export interface FormTable {
  id: string;
  version: string;
  title: JSONColumnType<Record<string, string>>;
  /** The normalised form (`NormalisedForm` of `src/domain/forms`). */
  definition: JSONColumnType<object>;
  definition_hash: string;
  /** The language plan a new session starts with, e.g. `ru,choices=ko`; null = the form's default language. */
  default_plan: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  created_by: string | null;
  seq: Generated<number>;
}

/** One filled questionnaire for one person (migration 003); append-only, the latest per person counts. */
export interface SubmissionTable {
  /** The client-made instance id (a UUID), also the request's Idempotency-Key. */
  instance_id: string;
  seq: Generated<number>;
  form_id: string;
  form_version: string;
  intake_id: string;
  person_id: string;
  answers: JSONColumnType<Record<string, unknown>>;
  source: 'web' | 'paper';
  actor_id: string | null;
  client_time: Timestamp;
  server_time: Timestamp;
  request_hash: string;
}

/** An issue station (migration 007): a table at a depot where people collect their kit. */
export interface StationTable {
  id: string;
  name: string;
  depot_id: string;
  /** The issuer's language at this station (pick lists are printed in it). */
  language: ColumnType<string, string | undefined, string>;
  sort: ColumnType<number, number | undefined, number>;
}

/** Where a depot keeps one item × size on its shelves (migration 007). */
export interface BinTable {
  depot_id: string;
  item_id: string;
  size: string;
  bin: string;
}

/** One person's place in an intake's queue (migration 007). */
export interface QueueTicketTable {
  id: Generated<number>;
  intake_id: string;
  person_id: string;
  number: number;
  status: 'waiting' | 'called' | 'served' | 'left';
  station_id: string | null;
  key: string;
  checked_in_at: Timestamp;
  called_at: Timestamp | null;
  served_at: Timestamp | null;
}

/** Every event a station sent, by its client-made id, with what the server made of it (migration 007). */
export interface StationEventTable {
  id: string;
  station_id: string;
  kind: string;
  person_id: string;
  body: JSONColumnType<Record<string, unknown>>;
  request_hash: string;
  client_time: Timestamp | null;
  received_at: Timestamp;
  actor_id: string | null;
  outcome: JSONColumnType<Record<string, unknown>>;
}

/** One line of a person's kit record (migration 007); issues and returns match ledger movements one to one. */
export interface KitEventTable {
  id: Generated<number>;
  person_id: string;
  item_id: string;
  size: string;
  qty: number;
  kind: 'issue' | 'return' | 'exchange' | 'loss' | 'damage';
  from_size: string | null;
  condition: string | null;
  movement_ids: ColumnType<number[], number[] | undefined, number[]>;
  station_id: string | null;
  depot_id: string;
  event_id: string | null;
  actor_id: string | null;
  at: Timestamp;
}

/** A layout file scans are read with (migration 008), stored once per content (`id` is its SHA-256). */
export interface PaperLayoutTable {
  id: string;
  form_id: string;
  form_version: string;
  /** The layout file (`LayoutFile` of `src/domain/paper`). */
  layout: JSONColumnType<object>;
  created_at: Timestamp;
  created_by: string | null;
}

/** Which stored layout printed a person's page (migration 008). */
export interface PaperLayoutPageTable {
  layout_id: string;
  person_id: string;
  page: number;
}

/** One upload of scans (migration 008): its files and the pages that could not be read. */
export interface PaperBatchTable {
  id: string;
  seq: Generated<number>;
  layout_id: string;
  form_id: string;
  form_version: string;
  status: 'read';
  files: JSONColumnType<{ name: string; bytes: number }[]>;
  failed: JSONColumnType<{ file: string; pageInFile?: number; code: string; reason: string }[]>;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp;
}

/** One page read back from a scan (migration 008); its answers become a submission once all are settled. */
export interface PaperPageTable {
  id: string;
  seq: Generated<number>;
  batch_id: string;
  layout_id: string;
  form_id: string;
  form_version: string;
  intake_id: string;
  person_id: string;
  page: number;
  file: string;
  page_in_file: number | null;
  answers: JSONColumnType<Record<string, string>>;
  confidence: JSONColumnType<Record<string, number>>;
  /** `review`: fields open; `waiting`: settled, other pages of the person not yet; `submitted`. */
  status: 'review' | 'waiting' | 'submitted';
  submission_id: string | null;
  created_at: Timestamp;
}

/** A field a person must look at (migration 008): its picture, what was read, and the decision. */
export interface PaperReviewItemTable {
  id: string;
  seq: Generated<number>;
  page_id: string;
  batch_id: string;
  field: string;
  reason: string;
  snippet: Buffer | null;
  read_value: string | null;
  confidence: number | null;
  status: 'open' | 'accepted' | 'corrected';
  /** '' when the decision is "no answer". */
  decided_value: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}
