// `pnpm docs:validation`: regenerates docs/validation.md and its figure from the committed
// calibration posterior (no resampling; `pnpm calibrate` samples a new posterior): its
// diagnostics, and the targets and external comparisons at the posterior mean.
import { writeFileSync } from 'node:fs';
import { COMMITTED_CALIBRATION, externalValidation, validationReport } from '@sarcsim/model/calibration';
import { renderTargetsSvg, renderValidationMarkdown } from '@sarcsim/model/docs';
import { calibrationSetHash } from '@sarcsim/model/scenario';

const { values, posterior } = COMMITTED_CALIBRATION;
const sizes = posterior.provenance;
const report = validationReport(values, sizes);
const docs = new URL('../../../../docs/', import.meta.url);
const external = externalValidation(values, sizes.registryPatients, sizes.seed + 7);
writeFileSync(
  new URL('validation.md', docs),
  renderValidationMarkdown(
    report,
    posterior,
    COMMITTED_CALIBRATION,
    calibrationSetHash(COMMITTED_CALIBRATION),
    external,
  ),
);
writeFileSync(new URL('validation-targets.svg', docs), renderTargetsSvg(report));
process.stdout.write(
  `wrote docs/validation.md: ${posterior.diagnostics.targetsInside}/${posterior.diagnostics.targets.length} targets inside their 95% posterior-predictive intervals; ${report.targetsInside}/${report.targets.length} inside their observed 95% intervals at the posterior mean\n`,
);
