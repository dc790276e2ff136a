// Valuation after simulation on the sarcoma model: the quantities priced at the run's own
// parameter values give back the run's costs and QALYs, and the parameters that price do
// nothing else, so a run's quantities price any other values exactly.
import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { strategyEconomics } from '../economics/strategy-economics.js';
import { reprice, strategyQuantities, valueQuantities } from '../economics/valuation.js';
import { runSerial } from '../engine/blocks.js';
import { type StrategyResult, summarize } from '../engine/results.js';
import { EVIDENCE_BY_ID, ParameterValues } from '../evidence/registry.js';
import { parseScenario, type Scenario } from '../scenario/scenario.js';
import { runnerFor } from '../scenario/scenario-runner.js';
import { QUANTITY_CHANNELS } from './names.js';
import { QUANTITY_PRICES, sarcomaPriceTerms, VALUATION_PARAMETER_IDS } from './valuation.js';

const PATIENTS = 3_000;

function simulate(scenario: Scenario): readonly StrategyResult[] {
  const acc = runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), {
    seed: scenario.seed,
    individuals: scenario.patients,
    blockSize: scenario.blockSize,
  });
  return summarize(acc).strategies;
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

describe('valuation after simulation', () => {
  const levels = [
    ['the default scenario (3% / 3%)', {}],
    ['costs at 3%, effects at 1.5%', { discountRates: { costs: 0.03, effects: 0.015 } }],
  ] as const;
  for (const [name, settings] of levels) {
    it(`prices the quantities back to the costs and QALYs of every strategy: ${name}`, () => {
      const scenario = parseScenario({ patients: PATIENTS, ...settings });
      const results = simulate(scenario);
      expect(results.length).toBeGreaterThanOrEqual(5);
      const terms = sarcomaPriceTerms(new ParameterValues(COMMITTED_CALIBRATION, scenario.parameters));
      const valued = valueQuantities(strategyQuantities(results), terms);
      const economics = strategyEconomics(results);
      economics.forEach((s, i) => {
        expect(relative(valued[i]?.costs as number, s.cost)).toBeLessThanOrEqual(1e-12);
        expect(relative(valued[i]?.qalys as number, s.qalys)).toBeLessThanOrEqual(1e-12);
        expect(s.cost).toBeGreaterThan(0);
      });
    });
  }

  it('prices every quantity channel once, by a registry parameter', () => {
    expect(Object.keys(QUANTITY_PRICES).sort()).toEqual([...QUANTITY_CHANNELS].sort());
    for (const id of VALUATION_PARAMETER_IDS) expect(EVIDENCE_BY_ID.get(id)?.role).toBe('parameter');
    expect(VALUATION_PARAMETER_IDS.size).toBe(QUANTITY_CHANNELS.length);
  });

  it('valuation parameters change no quantity, counter or curve; re-pricing equals re-simulating', () => {
    const base = parseScenario({ patients: PATIENTS, discountRates: { costs: 0.03, effects: 0.015 } });
    const baseValues = new ParameterValues(COMMITTED_CALIBRATION, base.parameters);
    // Every price and QALY loss up by a half, every utility down by a tenth (still distinct).
    const changed: Record<string, number> = {};
    for (const id of VALUATION_PARAMETER_IDS) {
      changed[id] = baseValues.get(id) * (id.startsWith('utility.') && !id.endsWith('qalyLoss') ? 0.9 : 1.5);
    }
    const before = simulate(base);
    const after = simulate({ ...base, parameters: changed });
    before.forEach((s, i) => {
      const a = after[i] as StrategyResult;
      for (const q of QUANTITY_CHANNELS) expect(a.rewards[q]).toEqual(s.rewards[q]);
      expect(a.rewards.lifeYears).toEqual(s.rewards.lifeYears);
      expect(a.counters).toEqual(s.counters);
      expect(a.curves).toEqual(s.curves);
      expect(a.rewards.costs?.discounted.mean).not.toBe(s.rewards.costs?.discounted.mean);
      expect(a.rewards.qalys?.discounted.mean).not.toBe(s.rewards.qalys?.discounted.mean);
    });
    const repriced = reprice(
      strategyEconomics(before),
      strategyQuantities(before),
      sarcomaPriceTerms(baseValues),
      sarcomaPriceTerms(new ParameterValues(COMMITTED_CALIBRATION, changed)),
    );
    strategyEconomics(after).forEach((s, i) => {
      expect(relative(repriced[i]?.cost as number, s.cost)).toBeLessThanOrEqual(1e-12);
      expect(relative(repriced[i]?.qalys as number, s.qalys)).toBeLessThanOrEqual(1e-12);
      expect(repriced[i]?.lifeYears).toBe(s.lifeYears);
    });
    // Priced at the run's own values, nothing moves at all.
    expect(
      reprice(
        strategyEconomics(before),
        strategyQuantities(before),
        sarcomaPriceTerms(baseValues),
        sarcomaPriceTerms(baseValues),
      ),
    ).toEqual(strategyEconomics(before));
  });

  it('a run without the quantity channels gives every other number bitwise the same', () => {
    const scenario = parseScenario({ patients: PATIENTS, discountRates: { costs: 0.03, effects: 0.015 } });
    const run = (quantities: boolean) =>
      summarize(
        runSerial(runnerFor(scenario, COMMITTED_CALIBRATION, { quantities }), {
          seed: scenario.seed,
          individuals: scenario.patients,
          blockSize: 700, // another blocking than the default, as a pool would
        }),
      );
    const withQuantities = run(true);
    const without = run(false);
    const outcomes = ['costs', 'qalys', 'lifeYears'];
    const strip = (s: StrategyResult) => ({
      ...s,
      rewards: Object.fromEntries(Object.entries(s.rewards).filter(([channel]) => outcomes.includes(channel))),
    });
    for (const s of without.strategies) expect(Object.keys(s.rewards)).toEqual(outcomes);
    expect(Object.keys(withQuantities.strategies[0]?.rewards ?? {})).toContain('scans.liverMri');
    expect(JSON.stringify(without.strategies)).toBe(JSON.stringify(withQuantities.strategies.map(strip)));
    expect(JSON.stringify(without.paired)).toBe(JSON.stringify(withQuantities.paired));
  });
});
