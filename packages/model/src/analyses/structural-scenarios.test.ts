import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { HISTOLOGIES } from '../domain/categories.js';
import { incrementalAnalysis } from '../economics/incremental-analysis.js';
import { runSerial } from '../engine/blocks.js';
import { IMAGING_ACCURACY_ALTERNATIVES } from '../evidence/records/imaging-alternatives.js';
import { calibrationSetHash } from '../scenario/calibration-hash.js';
import { hashOfScenario, type ReportOptions, type RunReport, reportFor } from '../scenario/run-report.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { runnerFor } from '../scenario/scenario-runner.js';
import { ScenarioError } from '../scenario/validation-error.js';
import {
  applyStructuralLevel,
  runStructuralScenarios,
  STRUCTURAL_SWITCHES,
  type StructuralSwitch,
  selectSwitches,
  structuralSwitchSchema,
} from './structural-scenarios.js';

const sarcoma = (input: object) => parseScenario(input) as SarcomaScenario;
const CALIBRATION_HASH = calibrationSetHash(COMMITTED_CALIBRATION);
const switchOf = (id: string) => STRUCTURAL_SWITCHES.find((s) => s.id === id) as StructuralSwitch;
const levelOf = (switchId: string, levelId: string) =>
  switchOf(switchId).levels.find((l) => l.id === levelId) as StructuralSwitch['levels'][number];

/** The real model, serially, on the scenario's seed. */
const simulateReport = async (scenario: SarcomaScenario, options: ReportOptions = {}): Promise<RunReport> =>
  reportFor(
    scenario,
    runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), {
      seed: scenario.seed,
      individuals: scenario.patients,
      blockSize: 100,
    }),
    COMMITTED_CALIBRATION,
    options,
  );

describe('structural switches', () => {
  it('each shipped switch is valid data, and each level is a valid scenario', () => {
    const base = sarcoma({});
    expect(new Set(STRUCTURAL_SWITCHES.map((s) => s.id)).size).toBe(STRUCTURAL_SWITCHES.length);
    for (const s of STRUCTURAL_SWITCHES) {
      expect(structuralSwitchSchema.safeParse(s).success, s.id).toBe(true);
      expect(new Set(s.levels.map((l) => l.id)).size, s.id).toBe(s.levels.length);
      const hashes = s.levels.map((l) =>
        hashOfScenario(applyStructuralLevel(base, s.id, l, COMMITTED_CALIBRATION), CALIBRATION_HASH),
      );
      // Exactly one level of every switch is the default scenario; the others each change it.
      expect(hashes.filter((h) => h === hashOfScenario(base, CALIBRATION_HASH)).length, s.id).toBe(1);
      expect(new Set(hashes).size, s.id).toBe(s.levels.length);
    }
  });

  it('a level setting what the scenario already uses is the scenario itself', () => {
    const base = sarcoma({ parameters: { 'tx.resection.causalShare': 0.5 } });
    const half = applyStructuralLevel(
      base,
      'resection-causal-share',
      levelOf('resection-causal-share', 'share-0.5'),
      COMMITTED_CALIBRATION,
    );
    expect(hashOfScenario(half, CALIBRATION_HASH)).toBe(hashOfScenario(base, CALIBRATION_HASH));
    const full = applyStructuralLevel(
      base,
      'resection-causal-share',
      levelOf('resection-causal-share', 'share-1'),
      COMMITTED_CALIBRATION,
    );
    expect(full.parameters['tx.resection.causalShare']).toBe(1);
    // Other overrides of the scenario survive a level.
    const window = applyStructuralLevel(
      sarcoma({ parameters: { 'cost.resection': 30_000 } }),
      'synchronous-rule',
      levelOf('synchronous-rule', 'window'),
      COMMITTED_CALIBRATION,
    );
    expect(window).toMatchObject({ synchronousRule: 'window', parameters: { 'cost.resection': 30_000 } });
  });

  it('the imaging alternatives lie inside the records’ bounds and keep non-contrast CT at 0.72 of contrast CT', () => {
    const base = sarcoma({});
    for (const level of switchOf('imaging-accuracy').levels) {
      expect(() => applyStructuralLevel(base, 'imaging-accuracy', level, COMMITTED_CALIBRATION)).not.toThrow();
    }
    const small = IMAGING_ACCURACY_ALTERNATIVES.find((a) => a.id === 'within-study-small-lesions');
    expect(small?.values['imaging.nonContrastCt.sensitivity.5to10mm']).toBeCloseTo(0.26 * (66.1 / 91.5), 3);
  });

  it('refuses a level with a bad value, naming the switch, the level and the field', () => {
    const bad: StructuralSwitch = {
      id: 'bad',
      label: 'bad',
      reason: 'test',
      levels: [
        {
          id: 'a',
          label: 'a',
          override: { synchronousRule: 'sometimes' },
          source: { kind: 'assumption', reason: 'x' },
        },
        { id: 'b', label: 'b', override: {}, source: { kind: 'assumption', reason: 'x' } },
      ],
    };
    const run = () =>
      runStructuralScenarios(
        sarcoma({}),
        [bad],
        () => Promise.reject(new Error('must not run')),
        COMMITTED_CALIBRATION,
      );
    return expect(run()).rejects.toThrow(/structural switch bad, level a: synchronousRule: .*'window', 'staging'/);
  });

  it('selects switches by id and refuses unknown or repeated ids', () => {
    expect(selectSwitches(['life-table']).map((s) => s.id)).toEqual(['life-table']);
    expect(() => selectSwitches(['life-tables'])).toThrow(ScenarioError);
    expect(() => selectSwitches(['life-tables'])).toThrow(
      /switches: got 'life-tables', must be one of synchronous-rule/,
    );
    expect(() => selectSwitches(['life-table', 'life-table'])).toThrow(/more than once/);
    expect(() => selectSwitches([])).toThrow(/at least one/);
  });
});

describe('structural scenario analysis', () => {
  it('flags a decision change where one must happen (stand-in model with a known answer)', async () => {
    // Surveillance costs 1,000 more and gains 0.02 QALY under the staging rule (ICER 50,000)
    // but 0.005 under the window rule (ICER 200,000): at 100,000 per QALY the decision flips.
    const evaluate = async (s: SarcomaScenario): Promise<RunReport> => {
      const gain = s.synchronousRule === 'window' ? 0.005 : 0.02;
      const strategies = [
        { id: 'chest-only', label: 'C', cost: 10_000, qalys: 8, lifeYears: 9 },
        { id: 'mri-rp-lms', label: 'M', cost: 11_000, qalys: 8 + gain, lifeYears: 9 },
      ];
      const incremental = incrementalAnalysis(
        strategies.map((x) => ({ id: x.id, cost: x.cost, effect: x.qalys })),
        s.economics.willingnessToPay,
      );
      return {
        economics: { currency: 'USD', willingnessToPay: s.economics.willingnessToPay, strategies, incremental },
      } as unknown as RunReport;
    };
    const scenario = sarcoma({ strategies: ['chest-only', 'mri-rp-lms'] });
    const result = await runStructuralScenarios(
      scenario,
      [switchOf('synchronous-rule')],
      evaluate,
      COMMITTED_CALIBRATION,
    );
    expect(result.base.preferred).toBe('mri-rp-lms');
    const [staging, window] = result.switches[0]?.levels ?? [];
    expect(staging).toMatchObject({ id: 'staging', isBase: true, preferred: 'mri-rp-lms', decisionChanges: false });
    expect(staging?.incrementalNetBenefitVsBasePreferred).toBe(0);
    expect(window).toMatchObject({ id: 'window', isBase: false, preferred: 'chest-only', decisionChanges: true });
    // Keeping MRI under the window rule forgoes 1,000 − 0.005 × 100,000 = 500.
    expect(window?.incrementalNetBenefitVsBasePreferred).toBeCloseTo(500, 6);
    expect(window?.incremental.rows.find((r) => r.id === 'mri-rp-lms')?.icer).toBeCloseTo(200_000, 3);
    expect(result.decisionChanges).toEqual([{ switch: 'synchronous-rule', level: 'window', preferred: 'chest-only' }]);
    // The stand-in has no paired moments: no error is claimed.
    expect(window).toMatchObject({ incrementalNetBenefitMcse: null, decisionChangeResolved: null });
  });

  it('runs every level on the same patients: a switch of the cost discount leaves QALYs bitwise equal', async () => {
    const costDiscount: StructuralSwitch = {
      id: 'cost-discount',
      label: 'cost discount only',
      reason: 'test of common random numbers',
      levels: [
        {
          id: 'base',
          label: '3%',
          override: { discountRates: { costs: 0.03, effects: 0.03 } },
          source: { kind: 'assumption', reason: 't' },
        },
        {
          id: 'six',
          label: '6%',
          override: { discountRates: { costs: 0.06, effects: 0.03 } },
          source: { kind: 'assumption', reason: 't' },
        },
      ],
    };
    const scenario = sarcoma({ patients: 400, seed: 11, strategies: ['chest-only', 'contrast-ct-rp-lms'] });
    const runs: string[] = [];
    const progress: [number, number][] = [];
    const result = await runStructuralScenarios(
      scenario,
      [costDiscount, switchOf('resection-causal-share')],
      (s, options) => {
        runs.push(hashOfScenario(s, CALIBRATION_HASH));
        return simulateReport(s, options);
      },
      COMMITTED_CALIBRATION,
      (done, total) => progress.push([done, total]),
    );
    // The base, 6% costs, causal shares 0.5 and 0: the two levels equal to the base run once, with it.
    expect(runs).toHaveLength(4);
    expect(new Set(runs).size).toBe(4);
    expect(progress).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    const [base, six] = result.switches[0]?.levels ?? [];
    expect(base?.isBase).toBe(true);
    expect(base?.strategies).toEqual(result.base.strategies);
    six?.strategies.forEach((s, i) => {
      const b = result.base.strategies[i];
      expect(s.qalys).toBe(b?.qalys);
      expect(s.lifeYears).toBe(b?.lifeYears);
      expect(s.cost).toBeLessThan(b?.cost as number);
    });
    // Paired precision: every other level is compared with the base case's choice, its INMB carries
    // that contrast's paired MCSE (0 when the decision stands: the difference is exactly 0).
    for (const level of result.switches.flatMap((sw) => sw.levels)) {
      expect(level.precision).toBeDefined();
      if (!level.isBase) expect(level.precision?.reference).toBe(result.base.preferred);
      const contrast = level.precision?.rows.find((r) => r.id === level.preferred)?.vsReference?.netBenefit;
      if (level.decisionChanges) {
        expect(level.incrementalNetBenefitMcse).toBe(contrast?.mcse);
        expect(level.incrementalNetBenefitMcse).toBeGreaterThan(0);
        expect(level.incrementalNetBenefitVsBasePreferred).toBeCloseTo(contrast?.mean as number, 6);
        expect(level.decisionChangeResolved).toBe(
          level.incrementalNetBenefitVsBasePreferred >= 2 * (level.incrementalNetBenefitMcse as number),
        );
      } else {
        expect(level).toMatchObject({ incrementalNetBenefitMcse: 0, decisionChangeResolved: null });
      }
    }
    // A level's result is that scenario's own run: the same seed, nothing carried over.
    const zeroShare = result.switches[1]?.levels.find((l) => l.id === 'share-0');
    const direct = await simulateReport(
      applyStructuralLevel(
        scenario,
        'resection-causal-share',
        levelOf('resection-causal-share', 'share-0'),
        COMMITTED_CALIBRATION,
      ),
    );
    expect(zeroShare?.strategies).toEqual(direct.economics?.strategies);
  });

  it('grade averaged keeps each histology’s mean hazard ratio and changes outcomes only through heterogeneity', async () => {
    const scenario = sarcoma({ patients: 300, seed: 5, strategies: ['chest-only'] });
    const averaged = applyStructuralLevel(
      scenario,
      'grade-effect',
      levelOf('grade-effect', 'averaged'),
      COMMITTED_CALIBRATION,
    );
    expect(averaged.gradeEffect).toBe('averaged');
    // With every patient high grade, averaging (share 1) is the modelled effect: bitwise the same run.
    const allHigh = Object.fromEntries(HISTOLOGIES.map((h) => [`nh.grade.highShare.${h}`, 1]));
    const modelledHigh = sarcoma({ ...scenario, parameters: allHigh });
    const averagedHigh = sarcoma({ ...averaged, parameters: allHigh });
    const [a, b] = await Promise.all([simulateReport(modelledHigh), simulateReport(averagedHigh)]);
    expect(b.economics?.strategies).toEqual(a.economics?.strategies);
    const [c, d] = await Promise.all([simulateReport(scenario), simulateReport(averaged)]);
    expect(d.economics?.strategies).not.toEqual(c.economics?.strategies);
  });
});
