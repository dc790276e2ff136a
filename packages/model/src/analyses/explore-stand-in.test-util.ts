// A stand-in for the sarcoma model whose true costs and QALYs are a known function of a
// surveillance strategy, with patient-level noise on common random numbers: every patient's
// shared shock depends only on (seed, replicate, patient), each strategy's own noise only on
// (seed, replicate, patient, strategy id) — never on which strategies share the run, as in
// the engine. The true frontier is therefore computable, and the exploration can be checked
// against it and against a full evaluation of every candidate.
import { meanCovariance } from '../economics/paired-precision.js';
import type { PairedMoments } from '../engine/results.js';
import type { Modality } from '../evidence/records/imaging.js';
import type { ScheduleSegment, SurveillanceStrategy } from '../sarcoma/surveillance-strategy.js';
import type { Scenario } from '../scenario/scenario.js';
import type { DrawOutcome } from './draw-outcome.js';
import { INNER_COVARIANCE_CHANNELS } from './draw-outcome.js';
import type { EvaluateScenario } from './psa.js';

const PRICE: Record<Modality, number> = { contrastCt: 300, nonContrastCt: 220, liverMri: 700, chestCt: 120 };
const SENSITIVITY: Record<Modality, number> = { contrastCt: 0.8, nonContrastCt: 0.6, liverMri: 0.95, chestCt: 0.1 };
/** Share of the cohort and its risk of liver metastases, by eligibility. */
const GROUPS = { rp: { share: 0.15, risk: 0.3 }, lms: { share: 0.2, risk: 0.25 }, rest: { share: 0.65, risk: 0.03 } };

function scans(schedule: readonly ScheduleSegment[]): number {
  return schedule.reduce((n, s) => n + Math.ceil((s.toMonths - s.fromMonths) / s.intervalMonths), 0);
}

function gets(strategy: SurveillanceStrategy, group: keyof typeof GROUPS): readonly ScheduleSegment[] {
  const e = strategy.eligibility;
  const eligible =
    e === 'all' ||
    (e === 'retroperitoneal' && group === 'rp') ||
    (e === 'lms' && group === 'lms') ||
    (e === 'retroperitonealOrLms' && group !== 'rest') ||
    (typeof e === 'object' && (e.sites ?? []).includes('retroperitoneal') && group === 'rp');
  return eligible ? strategy.schedule : strategy.otherwise;
}

/** True mean cost and QALYs per patient of a strategy in the stand-in. */
export function trueOutcome(strategy: SurveillanceStrategy): { cost: number; qalys: number } {
  let cost = 0;
  let qalys = 0;
  for (const [group, { share, risk }] of Object.entries(GROUPS)) {
    const schedule = gets(strategy, group as keyof typeof GROUPS);
    const n = scans(schedule);
    const modality = schedule[0]?.modality ?? 'chestCt';
    // Earlier detection gains QALYs with diminishing returns in the number of scans.
    qalys += share * risk * 0.6 * SENSITIVITY[modality] * (1 - Math.exp(-n / 8));
    cost += share * (n * PRICE[modality] + risk * 20_000);
  }
  return { cost, qalys };
}

function hash(...parts: readonly (number | string)[]): number {
  let h = 2166136261;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 0x2f, 16777619);
  }
  return h >>> 0;
}

/** A standard normal from a 32-bit key (Box–Muller on two hashed uniforms). */
function normal(key: number): number {
  const u1 = (hash(key, 'a') + 0.5) / 2 ** 32;
  const u2 = (hash(key, 'b') + 0.5) / 2 ** 32;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export interface StandInCall {
  readonly replicate: number;
  readonly patients: number;
  readonly outcome: DrawOutcome;
}

/** The stand-in as an evaluator; every call is recorded (to check which replicate each figure came from). */
export function standInEvaluator(calls: StandInCall[] = []): EvaluateScenario {
  return async (scenario: Scenario, replicate: number) => {
    if (scenario.model !== 'sarcoma') throw new Error('stand-in: sarcoma scenarios only');
    const strategies = scenario.strategies as SurveillanceStrategy[];
    const truth = strategies.map(trueOutcome);
    const C = INNER_COVARIANCE_CHANNELS.length;
    const K = strategies.length * C;
    const sums = new Array<number>(K).fill(0);
    const crossSums = new Array<number>(K * K).fill(0);
    const x = new Array<number>(K);
    for (let i = 0; i < scenario.patients; i++) {
      const shared = hash(scenario.seed, replicate, i);
      const zc = normal(shared);
      const zq = normal(shared ^ 0x5bd1e995);
      strategies.forEach((s, k) => {
        const own = hash(scenario.seed, replicate, i, s.id);
        const t = truth[k] as { cost: number; qalys: number };
        x[k * C] = t.cost + 3_000 * zc + 150 * normal(own);
        x[k * C + 1] = t.qalys + 0.8 * zq + 0.01 * normal(own ^ 0x9e3779b9);
      });
      for (let k = 0; k < K; k++) {
        const xk = x[k] as number;
        sums[k] = (sums[k] as number) + xk;
        for (let l = k; l < K; l++) crossSums[k * K + l] = (crossSums[k * K + l] as number) + xk * (x[l] as number);
      }
    }
    for (let k = 0; k < K; k++) for (let l = 0; l < k; l++) crossSums[k * K + l] = crossSums[l * K + k] as number;
    const n = scenario.patients;
    const moments: PairedMoments = {
      channels: [...INNER_COVARIANCE_CHANNELS],
      strategyIds: strategies.map((s) => s.id),
      individuals: n,
      sums,
      crossSums,
    };
    const outcome: DrawOutcome = {
      strategies: strategies.map((s, k) => ({
        id: s.id,
        label: s.label,
        cost: (sums[k * C] as number) / n,
        qalys: (sums[k * C + 1] as number) / n,
        lifeYears: 0,
      })),
      innerCovariance: meanCovariance(moments, INNER_COVARIANCE_CHANNELS),
    };
    calls.push({ replicate, patients: n, outcome });
    return outcome;
  };
}
