// Reading PSA parts from files: untrusted JSON, checked against a schema and against itself.
import { z } from '../engine/zod.js';
import type { CalibrationSet } from '../evidence/registry.js';
import { parseScenario, type SarcomaScenario } from '../scenario/scenario.js';
import { structureProblems } from '../scenario/untrusted-json.js';
import { formatIssues, ScenarioError } from '../scenario/validation-error.js';
import { innerCovarianceLength } from './draw-outcome.js';
import { partIntegrityProblems } from './psa-integrity.js';
import type { PsaPart } from './psa-part.js';

const numbers = z.array(z.number());
const hash = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a 64-digit hex hash' });

const psaPartSchema = z.strictObject({
  kind: z.literal('sarcsim-psa-part', {
    error: "must be 'sarcsim-psa-part' (a file written by `sarcsim psa --shard`)",
  }),
  version: z.string().max(40),
  scenarioHash: hash,
  scenario: z.unknown(),
  calibration: z.strictObject({ name: z.string().max(120), hash }),
  strategies: z.array(z.strictObject({ id: z.string().max(80), label: z.string().max(80) })).min(1),
  parameterIds: z.array(z.string()),
  drawsTotal: z.int().min(1),
  range: z.strictObject({ first: z.int().min(0), count: z.int().min(1) }),
  drawsHash: hash,
  draws: z.array(
    z.strictObject({
      draw: z.int().min(0),
      costs: numbers,
      qalys: numbers,
      lifeYears: numbers,
      parameters: numbers,
      innerCovariance: numbers,
    }),
  ),
});

/**
 * Validates a part read from `source` (a file name, for messages) against the calibration set
 * it will be merged with; throws ScenarioError listing the problems.
 */
export function parsePsaPart(input: unknown, source: string, calibration: CalibrationSet): PsaPart {
  const structure = structureProblems(input);
  if (structure.length > 0) throw new ScenarioError(structure.map((p) => `${source}: ${p}`));
  const parsed = psaPartSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues).map((p) => `${source}: ${p}`));
  const part = parsed.data;
  let scenario: SarcomaScenario;
  try {
    const s = parseScenario(part.scenario);
    if (s.model !== 'sarcoma') throw new ScenarioError(['model: PSA parts are for the sarcoma model']);
    scenario = s;
  } catch (error) {
    if (error instanceof ScenarioError) throw new ScenarioError(error.problems.map((p) => `${source}: scenario.${p}`));
    throw error;
  }
  const problems: string[] = [];
  const width = part.strategies.length;
  if (part.draws.length !== part.range.count) {
    const last = part.range.first + part.range.count - 1;
    problems.push(
      `draws: got ${part.draws.length} draws, must be ${part.range.count} (the range ${part.range.first}–${last})`,
    );
  }
  part.draws.forEach((d, i) => {
    if (d.draw !== part.range.first + i)
      problems.push(`draws[${i}].draw: got ${d.draw}, expected ${part.range.first + i}`);
    for (const key of ['costs', 'qalys', 'lifeYears'] as const) {
      if (d[key].length !== width)
        problems.push(`draws[${i}].${key}: has ${d[key].length} values for ${width} strategies`);
    }
    if (d.innerCovariance.length !== innerCovarianceLength(width)) {
      problems.push(
        `draws[${i}].innerCovariance: has ${d.innerCovariance.length} values, must be ${innerCovarianceLength(width)} (the upper triangle of the ${2 * width}×${2 * width} covariance of costs and QALYs)`,
      );
    }
    if (d.parameters.length !== part.parameterIds.length) {
      problems.push(
        `draws[${i}].parameters: has ${d.parameters.length} values for ${part.parameterIds.length} parameters`,
      );
    }
  });
  if (part.range.first + part.range.count > part.drawsTotal) {
    problems.push(
      `range: draws ${part.range.first}–${part.range.first + part.range.count - 1} exceed drawsTotal ${part.drawsTotal}`,
    );
  }
  const checked = { ...part, scenario };
  if (problems.length === 0) problems.push(...partIntegrityProblems(checked, calibration));
  if (problems.length > 0) throw new ScenarioError(problems.map((p) => `${source}: ${p}`));
  return checked;
}
