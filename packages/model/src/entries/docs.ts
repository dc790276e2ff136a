// @sarcsim/model/docs: the renderers of the generated files (docs/parameters.md,
// docs/validation.md and its figure, calibration/calibration-posterior.ts). Docs tooling
// only; kept out of the main entry.

export { renderPosteriorModule } from '../calibration/posterior-record.js';
export { renderTargetsSvg, renderValidationMarkdown } from '../calibration/validation-docs.js';
export { renderParameterDocs } from '../evidence/parameter-docs.js';
