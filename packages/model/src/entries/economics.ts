// @sarcsim/model/economics: the health-economic mathematics (net benefit, incremental
// analysis, acceptability, EVPPI, a run's economics). It runs nothing.
export type { EconomicSettings } from '../economics/economic-settings.js';
export {
  CURRENCY,
  DEFAULT_WILLINGNESS_TO_PAY,
  economicSettingsSchema,
  MAX_PSA_DRAWS,
} from '../economics/economic-settings.js';
export type { EvppiResult } from '../economics/evppi.js';
export { evppi } from '../economics/evppi.js';
export type {
  DominanceStatus,
  IncrementalAnalysis,
  IncrementalRow,
  StrategyOutcome,
} from '../economics/incremental-analysis.js';
export { incrementalAnalysis } from '../economics/incremental-analysis.js';
export { netBenefit } from '../economics/net-benefit.js';
export type {
  ContrastEstimate,
  IcerInterval,
  PairedContrast,
  PairedPrecision,
  PrecisionRow,
  ResolutionCheck,
  ResolutionSummary,
} from '../economics/paired-precision.js';
export { fiellerInterval, pairedPrecision, RESOLVE_Z } from '../economics/paired-precision.js';
export type { WtpPoint } from '../economics/psa-summary.js';
export { acceptability, effectivePopulation, wtpGrid } from '../economics/psa-summary.js';
export type { RunEconomics, StrategyEconomics } from '../economics/strategy-economics.js';
export { runEconomics, strategyEconomics } from '../economics/strategy-economics.js';
export type { PricedChannel, PriceTerm, StrategyQuantities } from '../economics/valuation.js';
export { reprice, strategyQuantities, valueQuantities } from '../economics/valuation.js';
