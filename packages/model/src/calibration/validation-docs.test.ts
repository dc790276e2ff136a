// docs/validation.md and its figure are regenerated from the committed posterior with its
// seed and sizes: this proves the report is stable and the committed docs are current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationSetHash } from '../scenario/calibration-hash.js';
import { COMMITTED_CALIBRATION } from './committed-calibration.js';
import { externalValidation } from './external-validation.js';
import { renderTargetsSvg, renderValidationMarkdown } from './validation-docs.js';
import { validationReport } from './validation-report.js';

const docs = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');

describe('docs/validation.md', () => {
  it('matches the committed posterior (run `pnpm docs:validation` to regenerate)', () => {
    const { values, posterior } = COMMITTED_CALIBRATION;
    const sizes = posterior.provenance;
    const report = validationReport(values, sizes);
    const external = externalValidation(values, sizes.registryPatients, sizes.seed + 7);
    expect(docs('validation.md')).toBe(
      renderValidationMarkdown(
        report,
        posterior,
        COMMITTED_CALIBRATION,
        calibrationSetHash(COMMITTED_CALIBRATION),
        external,
      ),
    );
    expect(docs('validation-targets.svg')).toBe(renderTargetsSvg(report));
  });
});
