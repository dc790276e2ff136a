// What a PSA part must be, given its own scenario: the part's manifest (strategies,
// parameter ids, number of draws, calibration) is derived from the scenario, and a hash
// binds the draws. `sarcsim merge` checks each part against this, so a part whose
// strategies were reordered, whose drawsTotal was lowered to skip a shard, or whose
// numbers were edited is refused instead of merged into a plausible-looking result.
// The hashes detect edits and damage, not a forger who recomputes them (they are unkeyed).
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { EVIDENCE_BY_ID } from '../evidence/registry.js';
import { resolveStrategy } from '../sarcoma/surveillance-strategy.js';
import { scenarioHash } from '../scenario/canonical-hash.js';
import type { SarcomaScenario } from '../scenario/scenario.js';
import { preview } from '../scenario/validation-error.js';
import { sampledParameters } from './parameter-sampling.js';
import type { PsaDraw, PsaPart } from './psa-part.js';

let calibration: string | undefined;

/** Hash of the calibrated values this build runs with (and PSA recentres on); computed, since calibration changes. */
export function calibrationHash(): string {
  calibration ??= scenarioHash(COMMITTED_CALIBRATION.values);
  return calibration;
}

/** Hash binding a part's draws (numbers round-trip JSON exactly, so a file hashes as it was written). */
export function drawsHash(draws: readonly PsaDraw[]): string {
  return scenarioHash(draws);
}

/** The manifest fields a part of this scenario must carry. */
export function expectedManifest(
  scenario: SarcomaScenario,
): Pick<PsaPart, 'strategies' | 'parameterIds' | 'drawsTotal'> {
  return {
    strategies: scenario.strategies.map(resolveStrategy).map(({ id, label }) => ({ id, label })),
    parameterIds: sampledParameters(
      scenario.economics.psa.calibratedParameters,
      new Set(Object.keys(scenario.parameters)),
    ).map((p) => p.record.id),
    drawsTotal: scenario.economics.psa.draws,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Problems of a part whose schema and scenario are valid, as `field: got …, …` lines. */
export function partIntegrityProblems(part: PsaPart): string[] {
  const expected = expectedManifest(part.scenario);
  const problems: string[] = [];
  if (part.calibrationHash !== calibrationHash()) {
    problems.push(
      `calibrationHash: got ${short(part.calibrationHash)}, must be this sarcsim's calibration ${short(calibrationHash())} (the part was made with another calibration; rerun it)`,
    );
  }
  if (part.drawsTotal !== expected.drawsTotal) {
    problems.push(`drawsTotal: got ${part.drawsTotal}, must equal the scenario's PSA draws (${expected.drawsTotal})`);
  }
  if (!same(part.strategies, expected.strategies)) {
    problems.push(
      `strategies: got ${preview(part.strategies.map((s) => s.id))}, must be the scenario's strategies in its order (${expected.strategies.map((s) => s.id).join(', ')})`,
    );
  }
  if (!same(part.parameterIds, expected.parameterIds)) {
    const unknown = part.parameterIds.filter((id) => !expected.parameterIds.includes(id));
    problems.push(
      `parameterIds: got ${unknown.length > 0 ? `${preview(unknown)} (not sampled for this scenario)` : 'another list or order'}, must be the ${expected.parameterIds.length} parameters this scenario samples, in registry order`,
    );
  }
  if (problems.length > 0) return problems; // the values below are read against this manifest
  const horizon = part.scenario.horizonYears;
  const records = part.parameterIds.map((id) => EVIDENCE_BY_ID.get(id));
  part.draws.forEach((d, i) => {
    for (const [key, max] of [
      ['costs', Number.MAX_VALUE],
      ['qalys', horizon],
      ['lifeYears', horizon],
    ] as const) {
      d[key].forEach((v, j) => {
        if (!(Number.isFinite(v) && v >= 0 && v <= max)) {
          problems.push(
            `draws[${i}].${key}[${j}]: got ${preview(v)}, must be a finite number ≥ 0${key === 'costs' ? '' : ` and ≤ the horizon (${horizon} years)`}`,
          );
        }
      });
    }
    // Variances (the diagonal) are ≥ 0; every entry is finite.
    const size = 2 * part.strategies.length;
    let at = 0;
    for (let r = 0; r < size; r++) {
      for (let c = r; c < size; c++, at++) {
        const v = d.innerCovariance[at] as number;
        if (!(Number.isFinite(v) && (r !== c || v >= 0))) {
          problems.push(
            `draws[${i}].innerCovariance[${at}]: got ${preview(v)}, must be a finite number${r === c ? ' ≥ 0 (a variance)' : ''}`,
          );
        }
      }
    }
    d.parameters.forEach((v, j) => {
      const bounds = records[j]?.bounds;
      if (bounds !== undefined && !(Number.isFinite(v) && v >= bounds.min && v <= bounds.max)) {
        problems.push(
          `draws[${i}].parameters[${j}] (${part.parameterIds[j]}): got ${preview(v)}, must be between ${bounds.min} and ${bounds.max}`,
        );
      }
    });
  });
  if (problems.length > 0) return problems;
  const actual = drawsHash(part.draws);
  if (part.drawsHash !== actual) {
    problems.push(
      `drawsHash: got ${short(part.drawsHash)}, the draws hash to ${short(actual)} (edited or damaged file; rerun the shard)`,
    );
  }
  return problems;
}
