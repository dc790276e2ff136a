// One currency and price year for every cost: US dollars of 2025. A published price is first
// converted to USD at the annual-average exchange rate of its own year, then inflated with the
// US CPI-U medical care index (BLS series CUUR0000SAM) from that year to 2025.
import type { PriceConversion } from './evidence-record.js';

export const PRICE_YEAR = 2025;

/**
 * CPI-U medical care, annual averages (1982–84 = 100). 2015 was read in a secondary copy of
 * the BLS table; the other years are transcribed without a primary check, and every
 * conversion built on them says so (an error of a few percent is small beside the costs'
 * own PSA intervals).
 */
const MEDICAL_CPI: Readonly<Record<number, { readonly value: number; readonly verified: boolean }>> = {
  2004: { value: 310.1, verified: false },
  2011: { value: 400.3, verified: false },
  2012: { value: 414.9, verified: false },
  2015: { value: 446.752, verified: true },
  2017: { value: 475.3, verified: false },
  2024: { value: 571.0, verified: false },
  2025: { value: 586.0, verified: false },
};

/** Federal Reserve G.5A annual averages: USD per unit of the currency. */
const USD_PER_UNIT: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  EUR: { 2012: 1.2859, 2017: 1.1301 },
  GBP: { 2012: 1.5853, 2017: 1.289 },
  JPY: { 2012: 1 / 79.82, 2017: 1 / 112.0986 },
};

/** Converts a published price to USD of PRICE_YEAR and says how. */
export function toUsd2025(amount: number, currency: PriceConversion['currency'], year: number): PriceConversion {
  const start = MEDICAL_CPI[year];
  const end = MEDICAL_CPI[PRICE_YEAR];
  if (start === undefined || end === undefined) throw new RangeError(`price conversion: no medical CPI for ${year}`);
  const rate = currency === 'USD' ? 1 : USD_PER_UNIT[currency]?.[year];
  if (rate === undefined) throw new RangeError(`price conversion: no ${currency}→USD rate for ${year}`);
  const inflation = end.value / start.value;
  const unverified = !start.verified || !end.verified ? ' (index values unverified)' : '';
  const exchange =
    currency === 'USD'
      ? ''
      : `${currency} ${year} → USD at ${rate.toPrecision(5)} (Federal Reserve G.5A annual average); `;
  return {
    amount,
    currency,
    year,
    factor: rate * inflation,
    conversion: `${exchange}US medical CPI ${year} → ${PRICE_YEAR}: ${start.value} → ${end.value} = ×${inflation.toFixed(3)}${unverified}`,
  };
}
