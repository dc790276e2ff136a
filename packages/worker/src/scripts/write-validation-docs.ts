// `pnpm docs:validation`: regenerates docs/validation.md and its figure from the committed
// calibration (no refit; `pnpm calibrate` refits and does this too).
import { writeFileSync } from 'node:fs';
import {
  CALIBRATED_VALUES,
  CALIBRATION_META,
  externalValidation,
  renderTargetsSvg,
  renderValidationMarkdown,
  validationReport,
} from '@sarcsim/model';

const report = validationReport(CALIBRATED_VALUES, CALIBRATION_META);
const docs = new URL('../../../../docs/', import.meta.url);
const external = externalValidation(CALIBRATED_VALUES, CALIBRATION_META.registryPatients, CALIBRATION_META.seed + 7);
writeFileSync(new URL('validation.md', docs), renderValidationMarkdown(report, CALIBRATION_META, external));
writeFileSync(new URL('validation-targets.svg', docs), renderTargetsSvg(report));
process.stdout.write(
  `wrote docs/validation.md: ${report.targetsInside}/${report.targets.length} targets inside their 95% intervals\n`,
);
