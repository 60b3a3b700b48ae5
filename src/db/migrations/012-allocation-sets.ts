import { type Kysely, sql } from 'kysely';

/**
 * One row per person and run instead of one per person × item × unit (issue #8). An intake of 1,200,000 people
 * with nine units each made 10.8 million rows, two btree entries apiece: storing them took PostgreSQL longer than
 * the goal for the whole run. A person's lines now sit in parallel arrays (item, unit, preferred, issued, depot).
 * Explanations repeat — every person of a class who got the same thing has the same reason — so a run stores each
 * distinct reason once (`allocation_reasons`) and a line that needs one names it by number (`reason_ids`, null for
 * a person whose every line is their own size from their own site's store; that reason is built when read).
 * The view `allocations` unnests the arrays back into the old shape, so what reads allocations (stations, pick
 * lists, reports, the run's pages) reads the same columns; a filter on run or person still uses the keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table allocation_sets (
    run_id text not null references allocation_runs (id),
    person_id text not null,
    items text[] not null,
    units integer[] not null,
    preferred text[] not null,
    issued text[] not null,
    depots text[] not null,
    reason_ids integer[],
    constraint allocation_sets_pk primary key (run_id, person_id),
    constraint allocation_sets_aligned check (
      cardinality(units) = cardinality(items) and cardinality(preferred) = cardinality(items)
      and cardinality(issued) = cardinality(items) and cardinality(depots) = cardinality(items)
      and (reason_ids is null or cardinality(reason_ids) = cardinality(items))))`.execute(db);
  // The pick list finds a person's allocation in the intake's accepted run by person first.
  await sql`create index allocation_sets_person on allocation_sets (person_id, run_id)`.execute(db);
  await sql`create table allocation_reasons (
    run_id text not null references allocation_runs (id),
    id integer not null,
    reason jsonb not null,
    constraint allocation_reasons_pk primary key (run_id, id))`.execute(db);

  await sql`insert into allocation_reasons (run_id, id, reason)
    select run_id, (row_number() over (partition by run_id order by reason::text))::int, reason
    from (select distinct run_id, reason from allocations where reason is not null) d`.execute(db);
  await sql`insert into allocation_sets (run_id, person_id, items, units, preferred, issued, depots, reason_ids)
    select a.run_id, a.person_id, array_agg(a.item_id order by a.item_id, a.unit),
      array_agg(a.unit order by a.item_id, a.unit), array_agg(a.preferred order by a.item_id, a.unit),
      array_agg(a.issued order by a.item_id, a.unit), array_agg(a.depot_id order by a.item_id, a.unit),
      case when bool_or(r.id is not null) then array_agg(r.id order by a.item_id, a.unit) end
    from allocations a left join allocation_reasons r on r.run_id = a.run_id and r.reason = a.reason
    group by a.run_id, a.person_id`.execute(db);
  await sql`drop table allocations`.execute(db);
  await createView(db);
}

/**
 * One row per line. Unnesting arrays side by side pads a shorter one with nulls, so a null `reason_ids` gives every
 * line a null reason id.
 */
async function createView(db: Kysely<unknown>): Promise<void> {
  await sql`create view allocations as
    select s.run_id, s.person_id, l.item_id, l.unit, l.preferred, l.issued, l.depot_id, r.reason
    from allocation_sets s
    cross join lateral unnest(s.items, s.units, s.preferred, s.issued, s.depots, s.reason_ids)
      as l(item_id, unit, preferred, issued, depot_id, reason_id)
    left join allocation_reasons r on r.run_id = s.run_id and r.id = l.reason_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create table allocations_lines (
    run_id text not null references allocation_runs (id),
    person_id text not null,
    item_id text not null,
    unit integer not null,
    preferred text not null,
    issued text,
    depot_id text,
    reason jsonb,
    constraint allocations_pk primary key (run_id, person_id, item_id, unit))`.execute(db);
  await sql`insert into allocations_lines select * from allocations`.execute(db);
  await sql`drop view allocations`.execute(db);
  await sql`drop table allocation_sets`.execute(db);
  await sql`drop table allocation_reasons`.execute(db);
  await sql`alter table allocations_lines rename to allocations`.execute(db);
  await sql`create index allocations_person on allocations (person_id, run_id)`.execute(db);
}
