// Public entry of @sarcsim/model: every public face but the docs tooling. Each face is also
// its own sub-path (`@sarcsim/model/engine`, `/sarcoma`, `/calibration`, `/economics`,
// `/scenario`, `/analyses`, and `/docs` for the renderers of generated files).
// Pure TypeScript: no DOM and no Node built-ins, so it runs in browsers, workers and Node.
export * from './entries/analyses.js';
export * from './entries/calibration.js';
export * from './entries/economics.js';
export * from './entries/engine.js';
export * from './entries/sarcoma.js';
export * from './entries/scenario.js';
