// @sarcsim/model/docs: the renderers of the generated files (docs/parameters.md,
// docs/validation.md and its figure, calibration/calibrated-parameters.ts). Docs tooling
// only; kept out of the main entry.
export { renderCalibratedModule } from '../calibration/calibration-meta.js';
export { renderTargetsSvg, renderValidationMarkdown } from '../calibration/validation-docs.js';
export { renderParameterDocs } from '../evidence/parameter-docs.js';
export { renderPosteriorModule } from '../calibration/posterior-record.js';
