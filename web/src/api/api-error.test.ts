import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from './api-error.ts';

describe('apiErrorFrom', () => {
  it('reads the server error body: code, message and each issue', () => {
    const body = JSON.stringify({
      error: 'invalid_input',
      message: 'r.csv: 2 problem(s); nothing was imported',
      issues: [
        { file: 'r.csv', row: 3, field: 'name', reason: 'missing name' },
        { file: 'r.csv', row: 5, field: 'site', reason: 'unknown site "MARS"' },
      ],
    });
    const err = apiErrorFrom(400, body);
    expect(err.status).toBe(400);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe('r.csv: 2 problem(s); nothing was imported');
    expect(err.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'name'],
      [5, 'site'],
    ]);
  });

  it('keeps the rule of a refusal by the stock rules', () => {
    const body = JSON.stringify({
      error: 'refused',
      rule: 'out_of_stock',
      message: 'out of stock: 0 of boots 270',
    });
    const err = apiErrorFrom(409, body);
    expect([err.code, err.rule, err.message]).toEqual([
      'refused',
      'out_of_stock',
      'out of stock: 0 of boots 270',
    ]);
    expect(apiErrorFrom(409, JSON.stringify({ error: 'refused', rule: 7 })).rule).toBeUndefined();
  });

  it('survives a body that is not JSON, such as a proxy error page', () => {
    const err = apiErrorFrom(502, '<html><body>Bad Gateway</body></html>');
    expect(err.code).toBe('http_502');
    expect(err.message).toContain('Bad Gateway');
    expect(err.issues).toEqual([]);
  });

  it('drops issues that carry no reason and fills a missing code from the status', () => {
    const err = apiErrorFrom(400, JSON.stringify({ issues: [{ row: 1 }, null, 'x', { reason: 'ok' }] }));
    expect(err.code).toBe('http_400');
    expect(err.issues).toEqual([{ reason: 'ok' }]);
  });

  it('accepts JSON that is not an object', () => {
    expect(apiErrorFrom(500, '"boom"').code).toBe('http_500');
    expect(apiErrorFrom(500, 'null').code).toBe('http_500');
  });
});
