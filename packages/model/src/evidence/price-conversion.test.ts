import { describe, expect, it } from 'vitest';
import { PRICE_YEAR, toUsd2025 } from './price-conversion.js';

describe('price conversion to USD of 2025', () => {
  it('inflates a US price by the medical CPI ratio of its year', () => {
    const p = toUsd2025(1_000, 'USD', 2015);
    expect(PRICE_YEAR).toBe(2025);
    expect(p.factor).toBeCloseTo(586 / 446.752, 12);
    expect(p.conversion).toContain('446.752 → 586');
  });

  it('exchanges a foreign price at its own year, then inflates', () => {
    const p = toUsd2025(1_000, 'EUR', 2012);
    expect(p.factor).toBeCloseTo(1.2859 * (586 / 414.9), 12);
    expect(p.conversion).toContain('EUR 2012 → USD');
  });

  it('refuses a year or currency it has no figure for, naming it', () => {
    expect(() => toUsd2025(1, 'USD', 1990)).toThrow(/no medical CPI for 1990/);
    expect(() => toUsd2025(1, 'GBP', 2015)).toThrow(/no GBP→USD rate for 2015/);
  });
});
