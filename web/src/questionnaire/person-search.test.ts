import { describe, expect, it } from 'vitest';
import { exactPerson, personFromSlip, searchPeople } from './person-search.ts';

const people = [
  { id: 'P-000001', name: '김민준', name_latin: 'Gim Minjun', name_cyrillic: 'Ким Минджун' },
  { id: 'P-000010', name: '이서연', name_latin: 'I Seoyeon', name_cyrillic: 'Ли Соён' },
  { id: 'P-000100', name: '박지훈', name_latin: 'Bak Jihun', name_cyrillic: null },
  { id: 'X-000001', name: 'Minjun Park', name_latin: null, name_cyrillic: null },
];

describe('searchPeople', () => {
  it('puts the exact id first, then ids that start with the text, then names in any script', () => {
    expect(searchPeople(people, 'p-000010').map((p) => p.id)).toEqual(['P-000010']);
    expect(searchPeople(people, 'x-000001 ').map((p) => p.id)).toEqual(['X-000001']);
    expect(searchPeople(people, 'P-0000').map((p) => p.id)).toEqual(['P-000001', 'P-000010']);
    expect(searchPeople(people, '00001').map((p) => p.id)).toEqual(['P-000001', 'P-000010', 'X-000001']);
    expect(searchPeople(people, 'minjun').map((p) => p.id)).toEqual(['P-000001', 'X-000001']);
    expect(searchPeople(people, 'Соён').map((p) => p.id)).toEqual(['P-000010']);
    expect(searchPeople(people, '지훈').map((p) => p.id)).toEqual(['P-000100']);
  });

  it('reads full-width and oddly spaced input, and a slip’s QR text', () => {
    expect(searchPeople(people, '  Ｐ－０００００１ '.replace('－', '-'))[0]!.id).toBe('P-000001');
    expect(exactPerson(people, 'kitout:1:kitout-sizing:1:P-000100:2')?.id).toBe('P-000100');
    expect(personFromSlip('kitout:1:f:1:P-1')).toBe('kitout:1:f:1:P-1');
  });

  it('finds nobody for text that matches nothing, and shows the first people for empty text', () => {
    expect(searchPeople(people, 'zzz')).toEqual([]);
    expect(searchPeople(people, '', 2).map((p) => p.id)).toEqual(['P-000001', 'P-000010']);
    expect(exactPerson(people, 'P-00000')).toBeUndefined();
  });
});
