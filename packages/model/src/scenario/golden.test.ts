// Reproducibility: the stored scenario (packages/model/golden/scenario.json) must give the
// committed result (golden/result.json) bit for bit — every double, as JSON round-trips them
// exactly. A change that alters results must update the golden on purpose with
// `pnpm golden:update --note "why"`, which records the reason in golden/CHANGES.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { runSerial } from '../engine/blocks.js';
import { reportFor } from './run-report.js';
import { parseScenario } from './scenario.js';
import { runnerFor } from './scenario-runner.js';

const golden = (name: string) => readFileSync(new URL(`../../golden/${name}`, import.meta.url), 'utf8');

describe('golden result', () => {
  it('the stored scenario reproduces the committed result bitwise', () => {
    const scenario = parseScenario(JSON.parse(golden('scenario.json')));
    const acc = runSerial(runnerFor(scenario, COMMITTED_CALIBRATION), {
      seed: scenario.seed,
      individuals: scenario.patients,
      blockSize: scenario.blockSize,
    });
    const text = `${JSON.stringify(reportFor(scenario, acc, COMMITTED_CALIBRATION), null, 1)}\n`;
    const expected = golden('result.json');
    if (text !== expected) {
      // Name the first difference rather than dumping two large files.
      const at = [...text].findIndex((c, i) => c !== expected[i]);
      expect(text.slice(Math.max(0, at - 80), at + 80), `first difference at character ${at}`).toBe(
        expected.slice(Math.max(0, at - 80), at + 80),
      );
    }
    expect(text === expected).toBe(true);
  });
});
