import { InputError } from '../errors.ts';
import { compareText } from './rule-book.ts';
import type { AllocationInstance, DemandRow } from './types.ts';

/** One person of an intake: where they are issued kit and which catalogue size they prefer for each entitled item. */
export interface Person {
  readonly id: string;
  readonly site: string;
  /** Item → preferred catalogue size; the keys are the items the person is entitled to. */
  readonly sizes: Readonly<Record<string, string>>;
}

/** An allocation stated person by person: the people instead of class counts, with the same stock and rules. */
export interface PeopleInstance extends Omit<AllocationInstance, 'demand'> {
  readonly people: readonly Person[];
}

/**
 * Groups people into classes of (item, site, preferred size): people of one class are interchangeable, so the
 * solver sees tens of classes instead of thousands of people. Sorted by item, site, size.
 */
export function classesOf(people: Iterable<Person>): DemandRow[] {
  // Nested maps instead of joined string keys: no temporary string per person and item, which matters at 10⁷ rows.
  // Site first, so each person costs one site lookup and then two per item.
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const p of people) {
    let byItem = counts.get(p.site);
    if (!byItem) {
      byItem = new Map();
      counts.set(p.site, byItem);
    }
    for (const item in p.sizes) {
      const size = p.sizes[item]!;
      let bySize = byItem.get(item);
      if (!bySize) {
        bySize = new Map();
        byItem.set(item, bySize);
      }
      bySize.set(size, (bySize.get(size) ?? 0) + 1);
    }
  }
  const rows: DemandRow[] = [];
  for (const [site, byItem] of counts) {
    for (const [item, bySize] of byItem)
      for (const [size, count] of bySize) rows.push({ site, item, size, count });
  }
  return rows.sort(
    (a, b) => compareText(a.item, b.item) || compareText(a.site, b.site) || compareText(a.size, b.size),
  );
}

/**
 * People in the stable order every hand-out uses: by id. Returns the same array when it is already in order (the
 * usual case, and free to check), a sorted copy otherwise; two people with one id are an error.
 */
export function inIdOrder<T extends Person>(people: readonly T[]): readonly T[] {
  let sorted = true;
  for (let i = 1; i < people.length; i++) {
    const order = compareText(people[i - 1]!.id, people[i]!.id);
    if (order === 0) throw duplicateId(people[i]!.id);
    if (order > 0) sorted = false;
  }
  if (sorted) return people;
  const copy = [...people].sort((a, b) => compareText(a.id, b.id));
  for (let i = 1; i < copy.length; i++) if (copy[i - 1]!.id === copy[i]!.id) throw duplicateId(copy[i]!.id);
  return copy;
}

function duplicateId(id: string): InputError {
  return new InputError([{ field: 'id', reason: `person id "${id}" appears more than once` }]);
}
