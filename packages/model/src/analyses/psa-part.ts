// A PSA part: the draws of one shard (or of the whole PSA) with the manifest that binds them.
import type { SarcomaScenario } from '../scenario/scenario.js';

export interface PsaDraw {
  readonly draw: number;
  readonly costs: readonly number[];
  readonly qalys: readonly number[];
  readonly lifeYears: readonly number[];
  /** Sampled values, aligned with the part's `parameterIds`. */
  readonly parameters: readonly number[];
  /**
   * Inner-loop noise of this draw's means: the covariance of mean costs (strategies
   * 0..S−1) then mean QALYs (0..S−1), upper triangle of the 2S×2S matrix row by row.
   */
  readonly innerCovariance: readonly number[];
}

export interface PsaPart {
  readonly kind: 'sarcsim-psa-part';
  readonly version: string;
  readonly scenarioHash: string;
  readonly scenario: SarcomaScenario;
  /** Hash of the calibrated values the draws were made with. */
  readonly calibrationHash: string;
  readonly strategies: readonly { readonly id: string; readonly label: string }[];
  readonly parameterIds: readonly string[];
  readonly drawsTotal: number;
  readonly range: { readonly first: number; readonly count: number };
  /** Hash of `draws`, so an edited or damaged file is refused by merge. */
  readonly drawsHash: string;
  readonly draws: readonly PsaDraw[];
}
