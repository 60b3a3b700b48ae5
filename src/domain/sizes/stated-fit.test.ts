import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { BELT_BY_LENGTH_CM, statedFit } from './stated-fit.ts';

const reasonOf = (label: string): string => {
  try {
    statedFit(label, BELT_BY_LENGTH_CM);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]?.field).toBe('label');
    return (err as InputError).issues[0]!.reason;
  }
  throw new Error(`expected ${label} to be refused`);
};

describe('statedFit', () => {
  it('reads a belt length as the waist it fits: length − 15 cm, ± 5 cm', () => {
    expect(statedFit('100', BELT_BY_LENGTH_CM)).toEqual({ waist: { min: 80, max: 90 } });
    expect(statedFit('130', BELT_BY_LENGTH_CM)).toEqual({ waist: { min: 110, max: 120 } });
  });

  it('accepts the spellings people type: a unit, full-width digits, a decimal comma', () => {
    expect(statedFit('110 cm', BELT_BY_LENGTH_CM)).toEqual({ waist: { min: 90, max: 100 } });
    expect(statedFit('１１０', BELT_BY_LENGTH_CM)).toEqual({ waist: { min: 90, max: 100 } });
    expect(statedFit('107,5 см', BELT_BY_LENGTH_CM)).toEqual({ waist: { min: 87.5, max: 97.5 } });
  });

  it('refuses text that is not a number, with the reason, on the field label', () => {
    expect(reasonOf('')).toMatch(/empty/);
    expect(reasonOf('L')).toMatch(/not a size number/);
    expect(reasonOf('-100')).toMatch(/negative/);
    expect(reasonOf('1e3')).toMatch(/exponent/);
    expect(reasonOf('NaN')).toMatch(/not a number/);
  });

  it('refuses a label that would put the body at or below zero', () => {
    expect(reasonOf('10')).toMatch(/not a body/);
  });
});
