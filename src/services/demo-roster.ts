import { romanize } from 'es-hangul';
import { pick, seededRng } from '../domain/random.ts';

const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
  '안',
  '송',
];
const GIVEN = [
  '민',
  '준',
  '서',
  '현',
  '지',
  '우',
  '도',
  '하',
  '윤',
  '성',
  '철',
  '수',
  '영',
  '호',
  '진',
  '혁',
  '재',
  '동',
  '광',
  '명',
];

/** A demo roster as CSV: ids P-000001…, Korean names, a Latin spelling, two sites. */
export function demoRosterCsv(count: number, seed: number): string {
  const rng = seededRng(seed);
  const lines = ['id,name,name_latin,site,sex'];
  for (let i = 1; i <= count; i++) {
    const family = pick(rng, SURNAMES);
    const given = pick(rng, GIVEN) + pick(rng, GIVEN);
    const latin = `${cap(romanize(family))} ${cap(romanize(given))}`;
    const site = rng() < 0.7 ? 'NORTH' : 'EAST';
    lines.push(`P-${String(i).padStart(6, '0')},${family}${given},${latin},${site},M`);
  }
  return `${lines.join('\n')}\n`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
