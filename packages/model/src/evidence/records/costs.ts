// Costs of the care pathways, all in US dollars of 2025 (price-conversion.ts): each record keeps
// the price as published and the conversion. Imaging costs are in imaging.ts.
import { type EvidenceRecord, gammaFromMeanInterval, type PriceConversion } from '../evidence-record.js';
import { PRICE_YEAR, toUsd2025 } from '../price-conversion.js';
import { assumed, fromExternal } from './record-builders.js';

const COSTS = 'costs' as const;
const unit = `USD ${PRICE_YEAR}`;

/** A cost record whose value and PSA interval are the published figures converted. */
function cost(
  id: string,
  label: string,
  price: PriceConversion,
  interval: { readonly low: number; readonly high: number },
  perYear = false,
) {
  const value = Math.round(price.amount * price.factor);
  return {
    id,
    label,
    topic: COSTS,
    value,
    unit: perYear ? `${unit} per year` : unit,
    bounds: { min: 0, max: value * 20 },
    distribution: gammaFromMeanInterval(value, interval.low * price.factor, interval.high * price.factor),
  };
}

const withPrice = (record: EvidenceRecord, price: PriceConversion): EvidenceRecord => ({ ...record, price });

const hepatectomy = toUsd2025(21_535, 'USD', 2011);
const thoracotomy = toUsd2025(20_339, 'USD', 2004);
// Zuluaga-Sanchez 2018 (2017 prices): doxorubicin alone about $284 a cycle, doxorubicin–ifosfamide
// (AIM, with mesna and pegfilgrastim) about $8,100; 4.4 cycles on average; follow-up visit $724.
// A first-line mix of two thirds doxorubicin alone, one third AIM (real-world first lines: 41%
// doxorubicin alone, 19% doxorubicin + ifosfamide): 4.4 × (0.67 × 284 + 0.33 × 8,100 + 724) ≈ 15,800.
const systemicCourse = toUsd2025(15_800, 'USD', 2017);
// Mytelka 2018: per-patient cost of advanced STS £19,457 (UK), €26,814 (ES), €20,468 (DE),
// €24,368 (FR); converted at 2017 rates the mean is about 26,500 USD, of which chemotherapy (31.7%
// in SABINE) is priced separately here: 68.3% × 26,500 ≈ 18,100 USD of 2017.
const metastaticCare = toUsd2025(18_100, 'USD', 2017);
// SABINE: lifetime cost of metastatic STS €65,616; inpatient 24.8% + hospice 4.0% ≈ a quarter.
const endOfLife = toUsd2025(16_400, 'EUR', 2012);

export const COST_RECORDS: readonly EvidenceRecord[] = [
  withPrice(
    fromExternal(
      cost('cost.resection', 'Liver resection (hospital stay)', hepatectomy, { low: 13_000, high: 40_000 }),
      'Idrees 2016, JAMA Surg 151:155 (national inpatient sample 2002–2011, 42,480 liver or pancreatic resections): median inpatient cost $21,535 (IQR 15,373–31,104)',
      true,
      `Cost year taken as 2011 (the sample's last year); ${hepatectomy.conversion}.`,
    ),
    hepatectomy,
  ),
  withPrice(
    fromExternal(
      cost('cost.lungMetastasectomy', 'Pulmonary metastasectomy', thoracotomy, { low: 12_000, high: 32_000 }),
      'Porter 2004, J Thorac Cardiovasc Surg 127:1366: pulmonary metastasectomy $20,339',
      true,
      `Cost year taken as the publication year; ${thoracotomy.conversion}.`,
    ),
    thoracotomy,
  ),
  assumed(
    {
      ...cost(
        'cost.ablation',
        'Percutaneous liver ablation',
        { ...hepatectomy, amount: (21_535 * 15_000) / 36_340 },
        { low: 4_000, high: 16_000 },
      ),
    },
    `The liver-resection cost × 15,000/36,340, the Japanese fee-schedule ratio of percutaneous RFA (≤ 2 cm) to a partial hepatectomy (EXTERNAL-EVIDENCE); ${hepatectomy.conversion}.`,
  ),
  withPrice(
    assumed(
      cost('cost.systemicCourse', 'A first-line course of systemic therapy', systemicCourse, {
        low: 6_000,
        high: 45_000,
      }),
      `Zuluaga-Sanchez 2018, Sarcoma 2018:6703963 (US drug and administration prices): ${systemicCourse.amount} USD of 2017 for a course of the usual first-line mix (calculation in costs.ts), excluding inpatient stays; the interval reaches Porter 2004's inpatient figure for six cycles of doxorubicin/ifosfamide ($99,033 in 2004) only in its tail. ${systemicCourse.conversion}.`,
    ),
    systemicCourse,
  ),
  withPrice(
    assumed(
      cost(
        'cost.metastaticCarePerYear',
        'Care for known metastatic disease, per year (beyond treatments priced separately)',
        metastaticCare,
        { low: 8_000, high: 32_000 },
        true,
      ),
      `Mytelka 2018, Sarcoma: per-patient cost of advanced STS £19,457 (UK), €26,814 (ES), €20,468 (DE), €24,368 (FR), at 2017 exchange rates (GBP 1.289, EUR 1.1301 USD), less the chemotherapy share (31.7%, SABINE); read as a yearly cost (assumption). ${metastaticCare.conversion}.`,
    ),
    metastaticCare,
  ),
  withPrice(
    assumed(
      cost('cost.endOfLife', 'End-of-life care at cancer death', endOfLife, { low: 8_000, high: 27_000 }),
      `SABINE (Reichardt 2012): lifetime cost of metastatic STS €65,616, inpatient 24.8% and hospice 4.0%; about a quarter (€16,400) taken as end-of-life care, costed in 2012 euros (assumption). ${endOfLife.conversion}.`,
    ),
    endOfLife,
  ),
  withPrice(
    assumed(
      cost('cost.localRecurrence', 'Treatment of a local recurrence (re-excision)', hepatectomy, {
        low: 10_000,
        high: 45_000,
      }),
      `Priced as a major abdominal operation (the liver-resection figure, Idrees 2016) for want of a sourced re-excision cost; ${hepatectomy.conversion}.`,
    ),
    hepatectomy,
  ),
];
