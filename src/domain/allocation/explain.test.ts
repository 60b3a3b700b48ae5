import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/allocation.json' with { type: 'json' };
import ko from '../../i18n/locales/ko/allocation.json' with { type: 'json' };
import ru from '../../i18n/locales/ru/allocation.json' with { type: 'json' };
import { translatorFor } from '../../i18n/node.ts';
import { explainer, type Reason } from './explain.ts';
import { handOut } from './hand-out.ts';
import { generateIntake, instanceOf } from './intake-generator.ts';
import type { Person } from './people.ts';
import { type Messages, reasonInEnglish, renderReason } from './render-reason.ts';
import { rulesFromGrids, upOnly } from './size-grid-rules.ts';
import { solveAllocation } from './solve.ts';
import type { AllocationInstance } from './types.ts';

const gridRules = (item: string) =>
  rulesFromGrids(
    item,
    [
      { sizes: ['46', '48', '50', '52', '54'], policy: upOnly([1, 2]) },
      { sizes: ['3', '4'], policy: upOnly([1]) },
    ],
    ([chest, height]) => `${chest}-${height}`,
  );

/** Solves an instance with one person per class and gives each person's first reason. */
function explainEach(inst: Omit<AllocationInstance, 'demand'>, people: Person[]): Record<string, Reason> {
  const demand = people.flatMap((p) =>
    Object.entries(p.sizes).map(([item, size]) => ({ site: p.site, item, size, count: 1 })),
  );
  const full = { ...inst, demand };
  const { flows } = solveAllocation(full);
  const explain = explainer(full, flows);
  return Object.fromEntries(handOut(people, flows).map((a) => [a.person.id, explain(a)[0]!]));
}

const stock = (depot: string, size: string, qty: number, item = 'jacket') => ({ depot, item, size, qty });
const person = (id: string, size: string, site = 'A', item = 'jacket'): Person => ({
  id,
  site,
  sizes: { [item]: size },
});

describe('explainer', () => {
  it('says one size up, in the words of the issue', () => {
    const reasons = explainEach(
      { unmetCost: 10, stock: [stock('A', '50-4', 1)], substitutions: gridRules('jacket'), transport: [] },
      [person('P1', '48-4')],
    );
    expect(reasons.P1).toEqual({
      item: 'jacket',
      key: 'reason.substituteUp',
      params: expect.objectContaining({ preferred: '48-4', issued: '50-4', site: 'A', count: 1, cost: 1 }),
    });
    expect(reasonInEnglish(reasons.P1!)).toBe(
      'jacket: preferred 48-4 out at site A; 50-4 is one size up, cost 1.',
    );
  });

  it('tells the preferred size, a transfer, a bigger step, a step from another depot and the two ways to miss out', () => {
    // Each person wants a different item, so the cases cannot compete for stock.
    const items = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    const reasons = explainEach(
      {
        unmetCost: 10,
        stock: [
          stock('A', '48-4', 1, 'k1'),
          stock('B', '46-3', 1, 'k2'),
          stock('A', '50-3', 1, 'k3'),
          stock('B', '52-4', 1, 'k4'),
          stock('A', '50-3', 1, 'k5'),
          stock('A', '52-4', 1, 'k6'),
        ],
        substitutions: items.flatMap(gridRules),
        transport: [
          { depot: 'B', site: 'A', cost: 5 },
          { depot: 'A', site: 'C', cost: 20 },
        ],
      },
      [
        person('P1', '48-4', 'A', 'k1'),
        person('P2', '46-3', 'A', 'k2'),
        person('P3', '48-3', 'A', 'k3'),
        person('P4', '50-3', 'A', 'k4'),
        person('P5', '46-4', 'A', 'k5'),
        person('P6', '50-4', 'C', 'k6'),
      ],
    );
    expect(Object.fromEntries(Object.entries(reasons).map(([id, r]) => [id, reasonInEnglish(r)]))).toEqual({
      P1: 'k1: preferred 48-4 issued at site A.',
      P2: 'k2: preferred 46-3 out at site A; sent from depot B, transport cost 5.',
      P3: 'k3: preferred 48-3 out at site A; 50-3 is one size up, cost 1.',
      P4: 'k4: preferred 50-3 out at site A; 52-4, 2 sizes up, sent from depot B, cost 2 + transport 5.',
      P5: 'k5: nothing allowed for 46-4 is left within reach of site A; left without (cost 10).',
      P6: 'k6: the cheapest option still in stock for 50-4 at site C costs 21, more than leaving without (10).',
    });
  });

  it('explains rules without steps, steps down, and a choice no dearer than the preferred size still in stock', () => {
    const inst: AllocationInstance = {
      unmetCost: 10,
      stock: [stock('A', '48-4', 1), stock('A', 'L', 1), stock('A', '46-4', 1)],
      demand: [],
      substitutions: [
        { item: 'jacket', preferred: '48-4', issued: 'L', cost: 0 },
        { item: 'jacket', preferred: '48-4', issued: '46-4', cost: 2, steps: -1 },
      ],
      transport: [],
    };
    const explain = explainer(inst, [
      { item: 'jacket', depot: 'A', site: 'A', preferred: '48-4', issued: 'L', qty: 1 },
      { item: 'jacket', depot: 'A', site: 'A', preferred: '48-4', issued: '46-4', qty: 1 },
    ]);
    const who = person('P1', '48-4');
    const reason = (issued: string) =>
      reasonInEnglish(explain({ person: who, items: { jacket: { depot: 'A', issued } } })[0]!);
    expect(reason('L')).toBe('jacket: L from depot A costs 0, no more than preferred 48-4 at site A.');
    const outOfPreferred = explainer(inst, [
      { item: 'jacket', depot: 'A', site: 'A', preferred: '48-4', issued: '48-4', qty: 1 },
      { item: 'jacket', depot: 'A', site: 'A', preferred: '48-4', issued: 'L', qty: 1 },
    ]);
    const again = (issued: string) =>
      reasonInEnglish(outOfPreferred({ person: who, items: { jacket: { depot: 'A', issued } } })[0]!);
    expect(again('L')).toBe('jacket: preferred 48-4 out at site A; L issued instead, cost 0.');
    expect(again('46-4')).toBe('jacket: preferred 48-4 out at site A; 46-4 is one size down, cost 2.');
  });

  it('gives every person of a generated intake a reason for every item, rendered without leftovers in all languages', async () => {
    const intake = generateIntake({ seed: 5, people: 300 });
    const instance = instanceOf(intake);
    const { flows } = solveAllocation(instance);
    const explain = explainer(instance, flows);
    const keys = new Set<string>();
    for (const allocation of handOut(intake.people, flows)) {
      const reasons = explain(allocation);
      expect(reasons.map((r) => r.item)).toEqual(Object.keys(allocation.person.sizes).sort());
      for (const r of reasons) keys.add(r.key);
    }
    expect(keys.size).toBeGreaterThan(4);
    for (const lang of ['en', 'ru', 'ko'] as const) {
      const t = await translatorFor(lang, 'allocation');
      for (const key of keys) expect(t(key, { count: 2, item: 'x' })).not.toBe(key);
    }
  });
});

describe('explainer.line', () => {
  it('hands back one object per distinct line, equal to what explaining the whole person says', () => {
    const intake = generateIntake({ seed: 6, people: 400 });
    const instance = instanceOf(intake);
    const { flows } = solveAllocation(instance);
    const explain = explainer(instance, flows);
    const distinct = new Set<Reason>();
    let lines = 0;
    for (const a of handOut(intake.people, flows)) {
      for (const r of explain(a)) {
        const got = a.items[r.item] ?? null;
        const one = explain.line(r.item, a.person.sizes[r.item]!, a.person.site, got);
        expect(one).toBe(r);
        // A fresh explainer (no memory) says the same thing.
        expect(explainer(instance, flows).line(r.item, a.person.sizes[r.item]!, a.person.site, got)).toEqual(
          r,
        );
        distinct.add(one);
        lines++;
      }
    }
    // People of one class who got the same thing share a reason.
    expect(distinct.size).toBeLessThan(lines / 4);
  });
});

describe('allocation messages', () => {
  const catalogues = { en, ru, ko } as Record<string, Messages>;
  const flatten = (m: Messages, prefix = ''): Record<string, string> =>
    Object.fromEntries(
      Object.entries(m).flatMap(([k, v]) =>
        typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
      ),
    );
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  const baseKey = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

  it('has the same keys, with the same placeholders, in English, Russian and Korean', () => {
    const english = flatten(en as Messages);
    const englishBase = new Map(
      Object.entries(english).map(([k, v]) => [baseKey(k), placeholders(v).filter((p) => p !== 'count')]),
    );
    for (const lang of ['ru', 'ko']) {
      const other = flatten(catalogues[lang]!);
      expect(new Set(Object.keys(other).map(baseKey)), lang).toEqual(new Set(englishBase.keys()));
      for (const [k, v] of Object.entries(other)) {
        expect(
          placeholders(v).filter((p) => p !== 'count'),
          `${lang} ${k}`,
        ).toEqual(englishBase.get(baseKey(k)));
      }
    }
  });

  it('has every plural form each language needs', () => {
    const forms: Record<string, string[]> = {
      en: ['one', 'other'],
      ru: ['one', 'few', 'many', 'other'],
      ko: ['other'],
    };
    for (const [lang, needed] of Object.entries(forms)) {
      const keys = Object.keys(flatten(catalogues[lang]!));
      const plural = new Set(keys.filter((k) => /_(one|few|many|other)$/.test(k)).map(baseKey));
      expect(plural.size, lang).toBe(4);
      for (const k of plural)
        for (const form of needed) expect(keys, `${lang} ${k}`).toContain(`${k}_${form}`);
    }
  });

  it('renders like i18next does, plurals included, in every language', async () => {
    const reasons: Reason[] = [1, 2, 5, 21].map((count) => ({
      item: 'jacket',
      key: 'reason.substituteUpFromDepot',
      params: {
        item: 'jacket',
        preferred: '48-4',
        issued: '52-4',
        site: 'A',
        depot: 'B',
        count,
        substitutionCost: 2,
        transportCost: 5,
      },
    }));
    for (const lang of ['en', 'ru', 'ko'] as const) {
      const t = await translatorFor(lang, 'allocation');
      for (const r of reasons) expect(renderReason(r, catalogues[lang]!, lang)).toBe(t(r.key, r.params));
    }
    expect(renderReason(reasons[2]!, ru as Messages, 'ru')).toContain('на 5 размеров больше');
    expect(renderReason(reasons[1]!, ru as Messages, 'ru')).toContain('на 2 размера больше');
    expect(renderReason(reasons[3]!, ru as Messages, 'ru')).toContain('на 21 размер больше');
  });

  it('falls back to the key for a message it does not have', () => {
    expect(renderReason({ item: 'x', key: 'reason.nothing', params: {} }, en as Messages, 'en')).toBe(
      'reason.nothing',
    );
  });
});

describe('reasons where depots are not named after sites', () => {
  it('treats a depot that serves the site at no cost as the site’s own store', () => {
    const instance = {
      unmetCost: 1000,
      stock: [
        { depot: 'D-NORTH', item: 'boots', size: '270', qty: 1 },
        { depot: 'D-NORTH', item: 'boots', size: '275', qty: 1 },
      ],
      demand: [],
      substitutions: [{ item: 'boots', preferred: '270', issued: '275', cost: 1, steps: 1 }],
      transport: [{ depot: 'D-NORTH', site: 'NORTH', cost: 0 }],
    };
    const people: Person[] = [
      { id: 'a', site: 'NORTH', sizes: { boots: '270' } },
      { id: 'b', site: 'NORTH', sizes: { boots: '270' } },
    ];
    const flows = solveAllocation({
      ...instance,
      demand: [{ site: 'NORTH', item: 'boots', size: '270', count: 2 }],
    }).flows;
    const explain = explainer(instance, flows);
    const [a, b] = handOut(people, flows).map((p) => explain(p)[0]!.key);
    expect(a).toBe('reason.preferred');
    expect(b).toBe('reason.substituteUp');
  });
});
