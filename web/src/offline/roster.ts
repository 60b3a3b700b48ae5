import { api } from '../api/client.ts';
import type { PeoplePage } from '../api/types.ts';
import type { RosterPerson } from '../questionnaire/person-search.ts';
import { type Cached, loadOrCached } from './cached.ts';

/** The server's page-size cap: the roster comes in pages of this many people. */
const PAGE = 500;

/**
 * The whole roster of an intake, for searching people on the device: read page by page from the server and
 * kept on the device, so a tablet can find people (and fill forms for them) for hours without a network.
 * 12,000 people are about 2 MB.
 */
export function loadRoster(intakeId: string, onProgress?: (loaded: number, total: number) => void) {
  return loadOrCached<RosterPerson[]>(`roster ${intakeId}`, async () => {
    const people: RosterPerson[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await api<PeoplePage>(`/api/intakes/${encodeURIComponent(intakeId)}/people`, {
        query: { limit: PAGE, offset },
      });
      for (const p of page.people)
        people.push({ id: p.id, name: p.name, name_latin: p.name_latin, name_cyrillic: p.name_cyrillic });
      onProgress?.(people.length, page.total);
      if (page.people.length < PAGE || people.length >= page.total) return people;
    }
  });
}

export type CachedRoster = Cached<RosterPerson[]>;
