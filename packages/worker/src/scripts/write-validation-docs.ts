// `pnpm docs:validation`: regenerates docs/validation.md and its figure from the committed
// calibration (no refit; `pnpm calibrate` refits and does this too).
import { writeFileSync } from 'node:fs';
import { COMMITTED_CALIBRATION, externalValidation, validationReport } from '@sarcsim/model/calibration';
import { renderTargetsSvg, renderValidationMarkdown } from '@sarcsim/model/docs';

const { values, meta } = COMMITTED_CALIBRATION;
const report = validationReport(values, meta);
const docs = new URL('../../../../docs/', import.meta.url);
const external = externalValidation(values, meta.registryPatients, meta.seed + 7);
writeFileSync(new URL('validation.md', docs), renderValidationMarkdown(report, meta, external));
writeFileSync(new URL('validation-targets.svg', docs), renderTargetsSvg(report));
process.stdout.write(
  `wrote docs/validation.md: ${report.targetsInside}/${report.targets.length} targets inside their 95% intervals\n`,
);
