/** The roster fields the person picker searches and shows. */
export interface RosterPerson {
  id: string;
  name: string;
  name_latin: string | null;
  name_cyrillic: string | null;
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The person id in what a slip's QR code or a scanner typed: `kitout:1:<form>:<version>:<person>:<page>`
 * gives the person; anything else is taken as typed.
 */
export function personFromSlip(text: string): string {
  const trimmed = text.trim();
  const m = /^kitout:1:[^:]+:[^:]+:([^:]+):\d+$/i.exec(trimmed);
  return m ? m[1]! : trimmed;
}

/**
 * People matching a search over the id and every spelling of the name, on the device (the roster is cached
 * for offline work). An exact id comes first, then ids that start with the text, then other matches in
 * roster order; at most `limit`.
 */
export function searchPeople<P extends RosterPerson>(people: readonly P[], text: string, limit = 12): P[] {
  const q = fold(personFromSlip(text));
  if (!q) return people.slice(0, limit);
  const exact: P[] = [];
  const prefix: P[] = [];
  const other: P[] = [];
  for (const p of people) {
    const id = fold(p.id);
    if (id === q) exact.push(p);
    else if (id.startsWith(q)) prefix.push(p);
    else if (
      id.includes(q) ||
      fold(p.name).includes(q) ||
      (p.name_latin && fold(p.name_latin).includes(q)) ||
      (p.name_cyrillic && fold(p.name_cyrillic).includes(q))
    )
      other.push(p);
    if (exact.length + prefix.length >= limit && exact.length > 0) break;
  }
  return [...exact, ...prefix, ...other].slice(0, limit);
}

/** The one person a typed or scanned id names exactly, if any. */
export function exactPerson<P extends RosterPerson>(people: readonly P[], text: string): P | undefined {
  const q = fold(personFromSlip(text));
  return q ? people.find((p) => fold(p.id) === q) : undefined;
}
