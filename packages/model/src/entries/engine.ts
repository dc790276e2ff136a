// @sarcsim/model/engine: the generic simulation engine (models, hazards, random streams,
// blocks, accumulators, results). It knows nothing of sarcoma.

export type { LifeTableBySex } from '../data/life-tables.js';
export { JAPAN_2020, LIFE_TABLES, US_2022 } from '../data/life-tables.js';
export type { AccumulatorLayout, BlockData, CurveLayout, TraceRecord } from '../engine/accumulators.js';
export { AccumulatorOffsets, BlockAccumulator } from '../engine/accumulators.js';
export type { TransferableBlock } from '../engine/block-transfer.js';
export { bufferOf, fromTransferable, mergeTransferable, toTransferable } from '../engine/block-transfer.js';
export type { BlockRange, SerialRunOptions } from '../engine/blocks.js';
export { blocksOf, DEFAULT_BLOCK_SIZE, runSerial } from '../engine/blocks.js';
export { SURVIVAL_CURVE } from '../engine/compiled-model.js';
export type {
  CycleIndividual,
  CycleModelDefinition,
  CycleSimulationDefinition,
  CycleStrategyDefinition,
  CycleValueChannel,
  PerCycle,
  StateValues,
  TransitionTable,
  ValueTiming,
} from '../engine/cycle-model.js';
export { VALUE_TIMINGS } from '../engine/cycle-model.js';
export { createCycleRunner } from '../engine/cycle-simulator.js';
export { continuousRate, discountedDuration, discountFactor } from '../engine/discounting.js';
export { exponentialWait, standardNormal, trialsBeforeSuccess, unitExponential } from '../engine/draws.js';
export { ExactSums } from '../engine/exact-sum.js';
export type {
  ChannelHandle,
  CounterHandle,
  CurveCauseHandle,
  CurveHandle,
  CurveHandles,
  Handle,
  HandlesOf,
  PurposeHandle,
} from '../engine/handles.js';
export { channelHandles, counterHandles, curveHandles, purposeHandles } from '../engine/handles.js';
export type { Hazard } from '../engine/hazard.js';
export { exponential, gompertz, lifeTable, logLogistic, piecewiseConstant, weibull } from '../engine/hazard.js';
export type {
  BlockSpec,
  CurveDefinition,
  EventHandler,
  Individual,
  ModelDefinition,
  PerIndividual,
  RewardChannelDefinition,
  SimulationContext,
  SimulationDefinition,
  StrategyDefinition,
  TransitionDefinition,
  Visit,
  VisitRun,
  VisitSchedule,
  VisitSegment,
} from '../engine/model.js';
export type { AnySimulationDefinition } from '../engine/model-runner.js';
export { createModelRunner, isCycleSimulation } from '../engine/model-runner.js';
export type { StreamCoordinates, Uniform } from '../engine/random-streams.js';
export { ENTRY_PURPOSE, NATURAL_PURPOSE, openStream, purposeId, streamSeed } from '../engine/random-streams.js';
export type { CurveResult, Estimate, RewardEstimate, SimulationResults, StrategyResult } from '../engine/results.js';
export { estimate, summarize } from '../engine/results.js';
export type { SimulationRunner } from '../engine/simulator.js';
export { createRunner } from '../engine/simulator.js';
export type { IllnessDeathParameters } from '../examples/illness-death.js';
export { ILLNESS_DEATH_DEFAULTS, illnessDeathExample } from '../examples/illness-death.js';
export type { SickSicker, SickSickerParameters } from '../examples/sick-sicker.js';
export { SICK_SICKER_DEFAULTS, sickSickerExample } from '../examples/sick-sicker.js';
export { SARCSIM_VERSION } from '../version.js';
