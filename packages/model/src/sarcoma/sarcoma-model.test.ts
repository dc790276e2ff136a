// Behaviour of the assembled sarcoma model. Statistical checks use 4 Monte Carlo SEs.
import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { US_2022 } from '../data/life-tables.js';
import { HISTOLOGIES, SITES } from '../domain/categories.js';
import type { TraceRecord } from '../engine/accumulators.js';
import { runSerial } from '../engine/blocks.js';
import { type StrategyResult, summarize } from '../engine/results.js';
import { createRunner } from '../engine/simulator.js';
import { ParameterValues } from '../evidence/registry.js';
import { sarcomaOutcomes } from './outcomes.js';
import { type SarcomaOptions, sarcomaSimulation } from './sarcoma-model.js';
import { onlyCell } from './sarcoma-runs.test-util.js';
import { NAMED_STRATEGIES, type SurveillanceStrategy } from './surveillance-strategy.js';

const named = (id: string): SurveillanceStrategy => {
  const strategy = NAMED_STRATEGIES.find((s) => s.id === id);
  if (strategy === undefined) throw new Error(`no strategy ${id}`);
  return strategy;
};
const noImaging: SurveillanceStrategy = {
  id: 'no-imaging',
  label: 'No imaging',
  eligibility: 'all',
  schedule: [],
  otherwise: [],
};

function run(
  strategies: SurveillanceStrategy[],
  individuals: number,
  overrides: Record<string, number> = {},
  options: Partial<SarcomaOptions> = {},
  blockSize = 1_000,
  visitsOneByOne = false,
) {
  const simulation = sarcomaSimulation(new ParameterValues(COMMITTED_CALIBRATION, overrides), {
    strategies,
    lifeTable: US_2022,
    horizonYears: 40,
    discountRates: { costs: 0.03, effects: 0.03 },
    treatmentEffect: 'modelled',
    ...options,
  });
  return runSerial(createRunner({ ...simulation, visitsOneByOne }), {
    seed: 314,
    individuals,
    blockSize,
    traceIndividuals: 2_000,
  });
}

const stateChanges = (traces: readonly TraceRecord[], strategyId: string) =>
  traces
    .filter((t) => t.strategyId === strategyId && t.kind === 'state')
    .map((t) => `${t.index}@${t.time}:${t.detail}`);

describe('sarcoma model', () => {
  it('gives bitwise-identical results for any blocking', () => {
    const strategies = [named('chest-only'), named('contrast-ct-rp-lms')];
    const a = JSON.stringify(summarize(run(strategies, 3_000, {}, {}, 3_000)));
    expect(JSON.stringify(summarize(run(strategies, 3_000, {}, {}, 7)))).toBe(a);
    expect(JSON.stringify(summarize(run(strategies, 3_000, {}, {}, 1_024)))).toBe(a);
  });

  it('quiet surveillance runs (skipping disease-free visits) match visits one by one in distribution', () => {
    const strategies = [named('contrast-ct-all'), named('mri-rp-lms')];
    const n = 20_000;
    const quiet = summarize(run(strategies, n)).strategies;
    const single = summarize(run(strategies, n, {}, {}, 1_000, true)).strategies;
    for (let s = 0; s < strategies.length; s++) {
      const [a, b] = [quiet[s], single[s]];
      if (a === undefined || b === undefined) throw new Error('missing strategy');
      for (const channel of ['costs', 'qalys'] as const) {
        const [x, y] = [a.rewards[channel]?.discounted, b.rewards[channel]?.discounted];
        if (x === undefined || y === undefined) throw new Error('missing channel');
        // Independent imaging draws, shared natural histories: the independent-samples SE is conservative.
        expect(Math.abs(x.mean - y.mean)).toBeLessThan(4 * Math.hypot(x.mcse, y.mcse));
      }
      // Per visit: missed with probability 1 − adherence; per attended disease-free scan, a false alarm.
      const binomial = (r: StrategyResult, events: string, trials: (r: StrategyResult) => number) => {
        const t = trials(r);
        const p = (r.counters[events]?.total ?? 0) / t;
        return { p, se: Math.sqrt((p * (1 - p)) / t) };
      };
      const visits = (r: StrategyResult) =>
        (r.counters.missedScans?.total ?? 0) + (r.counters.surveillanceScans?.total ?? 0);
      const scans = (r: StrategyResult) => r.counters.surveillanceScans?.total ?? 0;
      for (const [events, trials] of [
        ['missedScans', visits],
        ['falsePositives', scans],
      ] as const) {
        const [x, y] = [binomial(a, events, trials), binomial(b, events, trials)];
        expect(x.p).toBeGreaterThan(0);
        expect(Math.abs(x.p - y.p)).toBeLessThan(4 * Math.hypot(x.se, y.se));
      }
    }
  });

  it('with no liver imaging, strategies share identical natural histories (common random numbers)', () => {
    // Chest CT that can find nothing (in the liver or the lungs), never raises a false alarm and
    // costs nothing, against no imaging at all.
    const blindChestCt = {
      'imaging.chest.extrahepaticSensitivity': 0,
      'imaging.chestCt.sensitivity.10to20mm': 0,
      'imaging.chestCt.sensitivity.atLeast20mm': 0,
      'imaging.chestCt.specificity': 1,
      'imaging.chestCt.cost': 0,
      'imaging.scanQalyLoss': 0,
    };
    const acc = run([noImaging, named('chest-only')], 4_000, blindChestCt);
    expect(stateChanges(acc.traces, 'chest-only')).toEqual(stateChanges(acc.traces, 'no-imaging'));
    const [none, chest] = summarize(acc).strategies;
    // Every reward is the same but the free scans' own counts (quantities valued at zero).
    const { 'scans.chestCt': chestScans, 'qalyLosses.scan': scanLosses, ...chestRewards } = chest?.rewards ?? {};
    const { 'scans.chestCt': noScans, 'qalyLosses.scan': noLosses, ...noneRewards } = none?.rewards ?? {};
    expect(chestRewards).toEqual(noneRewards);
    expect(Object.keys(chestRewards)).toContain('costs');
    // A scan's QALY loss falls on surveillance and follow-up scans.
    const perPatient = (counter: string) => (chest?.counters[counter]?.total ?? Number.NaN) / 4_000;
    expect(noScans?.undiscounted.mean).toBe(0);
    expect(noLosses?.undiscounted.mean).toBe(perPatient('followUpScans'));
    expect(chestScans?.undiscounted.mean).toBe(perPatient('surveillanceScans'));
    expect(scanLosses?.undiscounted.mean).toBe(perPatient('surveillanceScans') + perPatient('followUpScans'));
    expect(chest?.curves).toEqual(none?.curves);
    expect(chest?.counters.surveillanceScans?.total).toBeGreaterThan(40_000);
  });

  it('shows lead-time bias: with ineffective treatment, intensive imaging lengthens survival from detection but not life from entry', () => {
    const n = 20_000;
    // Lead time shows in survival from detection when the death hazard rises with time since
    // onset and growth leaves scans time to find disease before symptoms: the priors' liver
    // course (86-day doubling, Weibull shape 2) rather than the calibrated one, whose death
    // hazard is nearly constant (shape ≈ 1.1), which makes survival from detection lead-time free.
    // Retroperitoneal LMS, where liver metastasis is common, gives the comparison its power.
    const priorLiverCourse = {
      ...onlyCell('retroperitoneal', 'smoothMuscle'),
      'tx.resection.perioperativeMortality': 0,
      'nh.livermet.volumeDoublingDays': 86,
      'nh.livermet.death.shape': 2,
      'nh.livermet.death.scaleYears': 3,
    };
    const acc = run([named('chest-only'), named('contrast-ct-all')], n, priorLiverCourse, { treatmentEffect: 'none' });
    const [chest, contrast] = summarize(acc).strategies;
    if (chest === undefined || contrast === undefined) throw new Error('missing strategies');
    const fromDetection = (s: typeof chest) =>
      sarcomaOutcomes(s).leadTimeBiasedSurvivalFromDetection.years2 ?? Number.NaN;
    const detected = (s: typeof chest) => s.curves.survivalFromDetection?.individuals ?? 0;
    // SE of a 2-year survival among the detected, for each strategy.
    const se = (s: typeof chest) => Math.sqrt(0.25 / detected(s));
    const gain = fromDetection(contrast) - fromDetection(chest);
    expect(gain).toBeGreaterThan(4 * Math.hypot(se(chest), se(contrast)));
    const ly = (s: typeof chest) => s.rewards.lifeYears?.undiscounted;
    const [a, b] = [ly(chest), ly(contrast)];
    if (a === undefined || b === undefined) throw new Error('missing life-years');
    expect(Math.abs(b.mean - a.mean)).toBeLessThan(4 * Math.hypot(a.mcse, b.mcse));
  });

  it('more sensitive imaging finds liver disease more often and smaller, on the same patients', () => {
    const [plain, contrast] = summarize(
      run([named('noncontrast-ct-all'), named('contrast-ct-all')], 10_000),
    ).strategies.map((s) => sarcomaOutcomes(s));
    if (plain === undefined || contrast === undefined) throw new Error('missing strategies');
    expect(contrast.detectedBySurveillance).toBeGreaterThanOrEqual(plain.detectedBySurveillance);
    expect(contrast.atDetection.meanLargestMm).toBeLessThan(plain.atDetection.meanLargestMm as number);
  });

  it('applies eligibility: for a cohort with no RP or LMS patients, RP-or-LMS contrast CT equals chest CT for all', () => {
    const extremityAdipocyticOnly: Record<string, number> = {};
    for (const site of SITES) {
      for (const histology of HISTOLOGIES) extremityAdipocyticOnly[`cohort.mix.${site}.${histology}`] = 0;
    }
    extremityAdipocyticOnly['cohort.mix.extremity.adipocytic'] = 1;
    const [chest, targeted] = summarize(
      run([named('chest-only'), named('contrast-ct-rp-lms')], 2_000, extremityAdipocyticOnly),
    ).strategies;
    expect(targeted?.rewards).toEqual(chest?.rewards);
    expect(targeted?.counters).toEqual(chest?.counters);
  });

  it('intensive abdominal imaging does not lower the share of detected patients ever resected (default scenario)', () => {
    // The reviewed v1 model did the opposite: its 6-month window relabelled early-found disease
    // synchronous and a coin then withdrew resection. Shares among the detected, binomial SEs.
    const [chest, contrast] = summarize(run([named('chest-only'), named('contrast-ct-all')], 20_000)).strategies;
    if (chest === undefined || contrast === undefined) throw new Error('missing strategies');
    const everResected = (s: typeof chest) => {
      const detected = s.counters.firstDetections?.total ?? 0;
      const p = (s.counters.patientsEverResected?.total ?? 0) / detected;
      return { p, se: Math.sqrt((p * (1 - p)) / detected) };
    };
    const [a, b] = [everResected(chest), everResected(contrast)];
    expect(a.p).toBeGreaterThan(0);
    const gap = b.p - a.p;
    expect(gap).toBeGreaterThan(-4 * Math.hypot(a.se, b.se));
  });

  it('detects liver metastases mostly by symptoms without liver imaging, and mostly by scans with contrast CT', () => {
    const [chest, contrast] = summarize(run([named('chest-only'), named('contrast-ct-all')], 10_000)).strategies.map(
      (s) => sarcomaOutcomes(s),
    );
    if (chest === undefined || contrast === undefined) throw new Error('missing strategies');
    expect(chest.detectedBySymptoms).toBeGreaterThan(chest.detectedBySurveillance);
    expect(contrast.detectedBySurveillance).toBeGreaterThan(contrast.detectedBySymptoms);
    expect(contrast.falsePositives).toBeGreaterThan(chest.falsePositives);
  });
});
