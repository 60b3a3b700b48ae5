import { BELT_BY_LENGTH_CM, type StatedDimension } from '../domain/sizes/index.ts';

/**
 * The demo organisation's catalogue: eight items with the size grids a real clothing store would hold, named in
 * the three UI languages. Size labels are written in the systems of the sizes module.
 */
export interface DemoItem {
  id: string;
  names: { en: string; ru: string; ko: string };
  sizeSystem: string | null;
  sizes: string[];
  /** For an item without a size system: the body dimension its labels state (see `fitsOf`). */
  stated?: StatedDimension;
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Russian garment sizes 44–58 (half chest girth) × height groups 2–5, as GOST military grids are laid out. */
const garmentGrid = (from: number, to: number, groups: number[]) =>
  range(from, to, 2).flatMap((size) => groups.map((g) => `${size}-${g}`));

export const DEMO_ITEMS: DemoItem[] = [
  {
    id: 'cap',
    names: { en: 'Cap', ru: 'Кепи', ko: '전투모' },
    sizeSystem: 'head-cm',
    sizes: range(54, 62, 1).map(String),
  },
  {
    id: 'winter-hat',
    names: { en: 'Winter hat', ru: 'Шапка зимняя', ko: '방한모' },
    sizeSystem: 'head-cm',
    sizes: range(54, 62, 2).map(String),
  },
  {
    id: 'shirt',
    names: { en: 'Shirt', ru: 'Рубашка', ko: '셔츠' },
    sizeSystem: 'ru-garment',
    sizes: garmentGrid(44, 56, [2, 3, 4, 5]),
  },
  {
    id: 'jacket',
    names: { en: 'Jacket', ru: 'Куртка', ko: '야전상의' },
    sizeSystem: 'ru-garment',
    sizes: garmentGrid(44, 58, [2, 3, 4, 5]),
  },
  {
    id: 'trousers',
    names: { en: 'Trousers', ru: 'Брюки', ko: '바지' },
    sizeSystem: 'ru-garment',
    sizes: garmentGrid(44, 58, [2, 3, 4, 5]),
  },
  {
    id: 'belt',
    names: { en: 'Belt', ru: 'Ремень', ko: '허리띠' },
    sizeSystem: null,
    sizes: ['100', '110', '120', '130'],
    stated: BELT_BY_LENGTH_CM,
  },
  // Glove sizes are hand girth in inches (EN 420); no body dimension of the sizes module holds a hand, so
  // gloves state no body and resolution says so.
  {
    id: 'gloves',
    names: { en: 'Gloves', ru: 'Перчатки', ko: '장갑' },
    sizeSystem: null,
    sizes: ['8', '9', '10', '11'],
  },
  {
    id: 'boots',
    names: { en: 'Boots', ru: 'Ботинки', ko: '전투화' },
    sizeSystem: 'kr-shoe',
    sizes: range(240, 300, 5).map(String),
  },
];

export const DEMO_SITES = [
  { id: 'NORTH', name: 'Северный полигон' },
  { id: 'EAST', name: 'Восточный полигон' },
];

/** Three depots: one at each site and a central store that serves both. */
export const DEMO_DEPOTS = [
  { id: 'D-NORTH', name: 'Склад «Северный»', site_id: 'NORTH' },
  { id: 'D-EAST', name: 'Склад «Восточный»', site_id: 'EAST' },
  { id: 'D-CENTRAL', name: 'Центральный склад', site_id: null },
];

export const DEMO_USERS = [
  { username: 'admin', displayName: 'Администратор', roles: ['admin'], language: 'ru' },
  { username: 'planner', displayName: 'Планировщик', roles: ['planner'], language: 'ru' },
  { username: 'store', displayName: 'Кладовщик', roles: ['storekeeper'], language: 'ru' },
  { username: 'issuer', displayName: 'Выдающий', roles: ['issuer'], language: 'ru' },
  { username: 'enum', displayName: '조사원', roles: ['enumerator'], language: 'ko' },
] as const;

/** The demo password for every demo account; printed at start. Demo data only: real deployments create their own. */
export const DEMO_PASSWORD = 'kitout-demo';
