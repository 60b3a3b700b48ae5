import type { Readable } from 'node:stream';
import { sql, type Transaction } from 'kysely';
import { countBytes } from '../adapters/tabular/count-bytes.ts';
import { readTable, type TableRow } from '../adapters/tabular/read-rows.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { onceForKey } from '../db/repositories/idempotency.ts';
import { buildNameSearchIndex, countPeople, dropNameSearchIndex } from '../db/repositories/people-search.ts';
import type { Database } from '../db/schema.ts';
import { InputError, type Issue, NotFoundError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import { storedSearchKeys } from '../domain/names/stored-keys.ts';
import {
  checkHeaders,
  type PersonInput,
  parseRosterRow,
  ROSTER_COLUMNS,
} from '../domain/roster/roster-row.ts';
import type { Actor, ServiceContext } from './context.ts';
import { type NoticeLog, personNames, serverNoticeLog } from './person-name.ts';

export interface RosterImportInput {
  intakeId: string;
  fileName: string;
  stream: Readable;
  /** Total bytes, when known, for progress. */
  size?: number;
  idempotencyKey?: string;
  /** Reported as rows are read: bytes read so far (when known) and rows seen. */
  onProgress?: (p: { rows: number; bytes?: number; size?: number }) => void;
  /** Where a notice about a name no scheme can read goes (default: the server log). */
  onNameNotice?: NoticeLog;
  /** Rows from which a bulk import rebuilds the name search index rather than grow it (default 50,000). */
  rebuildIndexFrom?: number;
}

export interface RosterImportResult {
  intakeId: string;
  fileName: string;
  imported: number;
  /** Columns that are not roster columns, kept per person in `extra`. */
  extraColumns: string[];
}

/** Stop collecting problems after this many: the file clearly needs fixing, and the answer must stay readable. */
const MAX_ISSUES = 200;
const BATCH = 2000;
/** Names without a scheme logged one by one per import; the rest are counted in one closing line. */
const NAME_NOTICES_LOGGED = 20;
const PLAIN_HANGUL_NAME = /^[가-힣]+(?: [가-힣]+)*$/;
/**
 * An import that reaches this many rows and holds at least as many people as all others stored drops the name
 * search index and builds it once at the end: growing a trigram index row by row costs several times more.
 */
const REBUILD_INDEX_FROM = 50_000;

/**
 * Imports a roster file into an intake, all or nothing: every row is checked, every problem is reported with its
 * row and column, and nothing is stored unless the whole file is good. Rows are inserted in batches inside one
 * transaction while the file streams, so a million-row file never sits in memory and a failure rolls all back.
 */
export async function importRoster(
  ctx: ServiceContext,
  actor: Actor,
  input: RosterImportInput,
): Promise<RosterImportResult> {
  const intake = await ctx.db
    .selectFrom('intakes')
    .selectAll()
    .where('id', '=', input.intakeId)
    .executeTakeFirst();
  if (!intake) throw new NotFoundError('intake', input.intakeId);
  const sites = await ctx.db.selectFrom('sites').select(['id', 'name']).execute();
  const siteIds = new Map<string, string>();
  for (const s of sites) {
    siteIds.set(s.id, s.id);
    siteIds.set(s.id.toLowerCase(), s.id);
    siteIds.set(s.name.toLowerCase(), s.id);
  }

  const stored = await onceForKey(
    ctx.db,
    {
      key: input.idempotencyKey,
      scope: `roster-import:${input.intakeId}`,
      request: { intake: input.intakeId, file: input.fileName, size: input.size },
      now: ctx.now(),
    },
    async (trx) => {
      const result = await streamIntoIntake(trx, ctx, input, { siteIds, defaultSiteId: intake.site_id });
      await appendAudit(trx, {
        at: ctx.now(),
        actorId: actor.userId,
        action: 'roster.imported',
        entity: 'intake',
        entityId: input.intakeId,
        after: { file: input.fileName, imported: result.imported },
      });
      return { status: 200, body: result };
    },
  );
  return stored.body;
}

async function streamIntoIntake(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: RosterImportInput,
  sites: { siteIds: Map<string, string>; defaultSiteId: string },
): Promise<RosterImportResult> {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  let batch: PersonInput[] = [];
  let batchRows: number[] = [];
  let headers: string[] = [];
  let rows = 0;
  let imported = 0;
  const counted = countBytes(input.stream);
  let position = 0;
  const addIssue = (issue: Issue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const noticeLog = input.onNameNotice ?? serverNoticeLog;
  let unreadableNames = 0;
  // Nearly every name is plain Hangul and skips this; any other is shown as written, which the log should say.
  const noteUnreadableNames = (people: PersonInput[]) => {
    for (const person of people) {
      if (PLAIN_HANGUL_NAME.test(person.name)) continue;
      const lines = new Set<string>();
      const stored = { name: person.name, name_latin: person.nameLatin, name_cyrillic: person.nameCyrillic };
      personNames(stored, (line) => lines.add(line));
      if (lines.size === 0) continue;
      unreadableNames++;
      if (unreadableNames <= NAME_NOTICES_LOGGED) for (const line of lines) noticeLog(line);
    }
  };

  // The previous batch's insert runs while the next batch is read and its keys computed; each flush waits for it.
  let inserting: Promise<void> | undefined;
  let indexDropped = false;
  let indexChecked = false;
  const dropIndexIfBulk = async (rowsAfter: number) => {
    if (indexChecked || rowsAfter < (input.rebuildIndexFrom ?? REBUILD_INDEX_FROM)) return;
    indexChecked = true;
    await inserting;
    if (rowsAfter >= (await countPeople(trx)) - imported) {
      await dropNameSearchIndex(trx);
      indexDropped = true;
    }
  };

  const flush = async () => {
    if (!batch.length) return;
    // Computed while the previous batch is still being inserted: the two take about as long.
    const keys = issues.length ? [] : batch.map(storedSearchKeys);
    await inserting;
    if (!issues.length) {
      // Ids must be unique across all intakes: the QR slip carries the person id alone.
      const clash = await trx
        .selectFrom('people')
        .select(['id', 'intake_id'])
        .where(
          'id',
          'in',
          batch.map((p) => p.id),
        )
        .execute();
      for (const c of clash) {
        const at = batch.findIndex((p) => p.id === c.id);
        addIssue({
          file: input.fileName,
          row: batchRows[at],
          field: 'id',
          reason: `duplicate id "${c.id}": already in intake ${c.intake_id}`,
          code: 'duplicate_id_stored',
          params: { value: c.id, intake: c.intake_id },
        });
      }
      if (!issues.length) {
        noteUnreadableNames(batch);
        await dropIndexIfBulk(imported + batch.length);
        inserting = insertPeople(trx, input.intakeId, batch, keys, ctx.now());
        // Observed at the next flush; until then a failure must not count as unhandled.
        inserting.catch(() => {});
        imported += batch.length;
      }
    }
    batch = [];
    batchRows = [];
  };

  let ctxRow: Parameters<typeof parseRosterRow>[2] | undefined;
  for await (const item of readTable({ fileName: input.fileName, stream: counted.stream })) {
    if ('headers' in item) {
      headers = item.headers;
      const headerIssues = checkHeaders(headers, input.fileName);
      if (headerIssues.length) throw new InputError(headerIssues);
      ctxRow = {
        fileName: input.fileName,
        siteIds: sites.siteIds,
        defaultSiteId: sites.defaultSiteId,
        hasSiteColumn: headers.includes('site'),
      };
      continue;
    }
    const row = item as TableRow;
    rows++;
    position = row.offset ?? counted.read();
    if (rows > LIMITS.rosterRows) {
      throw new InputError([
        {
          file: input.fileName,
          row: row.row,
          reason: `more than ${LIMITS.rosterRows} rows: split the file`,
          code: 'too_many_rows',
          params: { max: LIMITS.rosterRows },
        },
      ]);
    }
    const parsed = parseRosterRow(row.row, row.cells, ctxRow!);
    // A repeated id is reported even on a row with other problems, so one pass shows everything to fix.
    const id = (row.cells.id ?? '').normalize('NFC').trim();
    const repeated = id !== '' && seen.has(id);
    if (repeated)
      addIssue({
        file: input.fileName,
        row: row.row,
        field: 'id',
        reason: `duplicate id "${id}" in the file`,
        code: 'duplicate_id_file',
        params: { value: id },
      });
    if (id) seen.add(id);
    if (!parsed.ok) {
      for (const e of parsed.errors) addIssue(e);
    } else if (!repeated) {
      batch.push(parsed.value);
      batchRows.push(row.row);
      if (batch.length >= BATCH) await flush();
    }
    if (rows % 1000 === 0) input.onProgress?.({ rows, bytes: position, size: input.size });
  }
  await flush();
  await inserting;
  input.onProgress?.({ rows, bytes: counted.read(), size: input.size });
  if (rows === 0)
    issues.push({ file: input.fileName, reason: 'the file has a header but no people', code: 'no_rows' });
  if (unreadableNames > NAME_NOTICES_LOGGED)
    noticeLog(
      `names: ${unreadableNames} names in ${JSON.stringify(input.fileName)} have no transliteration; the first ${NAME_NOTICES_LOGGED} are logged above`,
    );
  if (issues.length) {
    const more = issues.length >= MAX_ISSUES ? ` (showing the first ${MAX_ISSUES})` : '';
    throw new InputError(
      issues,
      `${input.fileName}: ${issues.length} problem(s)${more}; nothing was imported`,
    );
  }
  // PGlite runs in a 32-bit WebAssembly heap, so its build sorts in less memory than a server's.
  if (indexDropped) await buildNameSearchIndex(trx, ctx.dbKind === 'postgres' ? '256MB' : '64MB');
  return {
    intakeId: input.intakeId,
    fileName: input.fileName,
    imported,
    extraColumns: headers.filter((h) => h && !(ROSTER_COLUMNS as readonly string[]).includes(h)),
  };
}

/**
 * One statement per batch: columns passed as arrays and unnested, which both PostgreSQL and PGlite take fast.
 * Each person's name search keys (`storedSearchKeys`, migration 004) go in with the row.
 */
async function insertPeople(
  trx: Transaction<Database>,
  intakeId: string,
  people: PersonInput[],
  keys: string[],
  now: Date,
): Promise<void> {
  const col = <T>(f: (p: PersonInput) => T) => people.map(f);
  await sql`
    insert into people (id, intake_id, name, name_latin, name_cyrillic, site_id, birth_date, sex, unit, language, role, extra, created_at, search_keys)
    select t.id, ${intakeId}, t.name, t.name_latin, t.name_cyrillic, t.site_id, t.birth_date, t.sex, t.unit, t.language, t.role, t.extra, ${now}, t.search_keys
    from unnest(
      ${col((p) => p.id)}::text[], ${col((p) => p.name)}::text[], ${col((p) => p.nameLatin)}::text[],
      ${col((p) => p.nameCyrillic)}::text[], ${col((p) => p.siteId)}::text[], ${col((p) => p.birthDate)}::date[],
      ${col((p) => p.sex)}::text[], ${col((p) => p.unit)}::text[], ${col((p) => p.language)}::text[],
      ${col((p) => p.role)}::text[], ${col((p) => JSON.stringify(p.extra))}::jsonb[], ${keys}::text[]
    ) as t(id, name, name_latin, name_cyrillic, site_id, birth_date, sex, unit, language, role, extra, search_keys)
  `.execute(trx);
}
