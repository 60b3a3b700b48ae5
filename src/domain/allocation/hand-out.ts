import { KitoutError } from '../errors.ts';
import { inIdOrder, type Person } from './people.ts';
import { compareFlows } from './solve.ts';
import type { Flow } from './types.ts';

/** What one person receives for one item. */
export interface Allotment {
  readonly depot: string;
  readonly issued: string;
}

/** One person's outcome: per entitled item, what they receive, or `null` when left without. */
export interface PersonAllocation {
  readonly person: Person;
  readonly items: Readonly<Record<string, Allotment | null>>;
}

/**
 * Turns class-level flows into person-level allotments, deterministically: people are taken by id, and within each
 * class (item, site, preferred size) the first people receive the preferred size, then the other flows in their
 * sorted order ({@link compareFlows}, whatever order they are passed in), and whoever remains is left without.
 * Any assignment of a class's flows to its members is equally optimal because they are interchangeable; this one is
 * reproducible. Flows that promise a class more people than it has are an error (they were solved for another intake).
 */
export function handOut(people: readonly Person[], flows: readonly Flow[]): PersonAllocation[] {
  // Site first, so each person costs one site lookup and then two per item.
  const queues = new Map<string, Map<string, Map<string, ClassQueue>>>();
  for (const f of [...flows].sort(compareFlows)) {
    let byItem = queues.get(f.site);
    if (!byItem) {
      byItem = new Map();
      queues.set(f.site, byItem);
    }
    let byPreferred = byItem.get(f.item);
    if (!byPreferred) {
      byPreferred = new Map();
      byItem.set(f.item, byPreferred);
    }
    let queue = byPreferred.get(f.preferred);
    if (!queue) {
      queue = { slots: [], preferredSlots: 0, next: 0, used: 0 };
      byPreferred.set(f.preferred, queue);
    }
    // Allotments are shared objects: a million people receiving the same size from the same depot cost one object.
    const slot = { allotment: { depot: f.depot, issued: f.issued }, left: f.qty };
    // Preferred-size slots go first, each group keeping the flows' sorted order.
    if (f.issued === f.preferred) queue.slots.splice(queue.preferredSlots++, 0, slot);
    else queue.slots.push(slot);
  }
  const out: PersonAllocation[] = [];
  for (const person of inIdOrder(people)) {
    const byItem = queues.get(person.site);
    const items: Record<string, Allotment | null> = {};
    for (const item in person.sizes) {
      const queue = byItem?.get(item)?.get(person.sizes[item]!);
      items[item] = queue ? take(queue) : null;
    }
    out.push({ person, items });
  }
  for (const [site, byItem] of queues) {
    for (const [item, byPreferred] of byItem) {
      for (const [preferred, queue] of byPreferred) {
        const left = queue.slots.reduce((sum, s) => sum + s.left, 0);
        if (left > 0) {
          throw new KitoutError(
            `flows hand out ${left} more ${item} ${preferred} at site ${site} than there are people (${queue.used})`,
          );
        }
      }
    }
  }
  return out;
}

interface ClassQueue {
  slots: { allotment: Allotment; left: number }[];
  preferredSlots: number;
  next: number;
  used: number;
}

function take(queue: ClassQueue): Allotment | null {
  queue.used++;
  while (queue.next < queue.slots.length) {
    const slot = queue.slots[queue.next]!;
    if (slot.left > 0) {
      slot.left--;
      return slot.allotment;
    }
    queue.next++;
  }
  return null;
}
