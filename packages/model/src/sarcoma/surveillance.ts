// A surveillance strategy as engine strategy: the patient's schedule (by eligibility) becomes
// a visit schedule; each scan may find liver disease, or raise a false alarm. Draws use the
// 'imaging' stream, so scans never disturb the natural history.
import type { SimulationContext, StrategyDefinition, VisitSegment } from '../engine/model.js';
import type { Visit, VisitSchedule } from '../engine/visit-schedule.js';
import type { Modality } from '../evidence/records/imaging.js';
import type { CarePathway } from './care-pathway.js';
import { detectionProbability } from './liver-burden.js';
import type { ImagingModality, SarcomaInputs } from './model-inputs.js';
import { CHANNEL, COUNTER, PURPOSE } from './names.js';
import type { Patient } from './patient.js';
import type { SarcomaState } from './states.js';
import { isEligible, type ScheduleSegment, type SurveillanceStrategy } from './surveillance-strategy.js';

type Ctx = SimulationContext<SarcomaState, Patient>;
const MONTH = 1 / 12;

/** A schedule segment in years, with the modality its scans use. */
interface ScanSegment extends VisitSegment {
  readonly modality: Modality;
  readonly imaging: ImagingModality;
}

export function surveillanceStrategy(
  strategy: SurveillanceStrategy,
  inputs: SarcomaInputs,
  pathway: CarePathway,
): StrategyDefinition<SarcomaState, Patient> {
  const adherence = strategy.adherence ?? inputs.defaultAdherence;

  const surveillanceScan = (ctx: Ctx, visit: Visit<ScanSegment>): boolean => {
    const patient = ctx.individual.attributes;
    // Once liver disease has been found the patient follows the treatment pathway instead.
    if (patient.everDetected) return false;
    const { imaging, modality } = visit.segment;
    if (ctx.uniform(PURPOSE.imaging) >= adherence) {
      ctx.count(COUNTER.missedScans);
      return true;
    }
    ctx.count(COUNTER.surveillanceScans);
    ctx.addReward(CHANNEL.costs, imaging.cost);
    ctx.addReward(CHANNEL.qalys, -inputs.scanQalyLoss);
    const draw = ctx.uniform(PURPOSE.imaging);
    if (ctx.individual.state === 'liverDisease') {
      const found = detectionProbability(
        patient.growth,
        imaging.sensitivity,
        patient.lesionOnsets,
        ctx.individual.time,
      );
      if (draw < found) pathway.detect(ctx, 'surveillance');
    } else if (draw > imaging.specificity) {
      ctx.count(COUNTER.falsePositives);
      ctx.addReward(CHANNEL.costs, inputs.falsePositiveCost);
      ctx.addReward(CHANNEL.qalys, -inputs.falsePositiveQalyLoss);
    }
    // Every surveillance visit images the chest (chest CT alone or with the abdomen).
    if (!patient.everDetected) pathway.chestImaged(ctx, PURPOSE.imaging, modality !== 'chestCt');
    return true;
  };

  const scheduleOf = (
    segments: readonly ScheduleSegment[],
  ): VisitSchedule<SarcomaState, Patient, ScanSegment, null> => ({
    name: 'surveillanceScan',
    segments: segments.map((s) => ({
      fromYears: s.fromMonths * MONTH,
      toYears: s.toMonths * MONTH,
      everyYears: s.intervalMonths * MONTH,
      modality: s.modality,
      imaging: inputs.imaging[s.modality],
    })),
    visit: surveillanceScan,
  });
  const eligibleSchedule = scheduleOf(strategy.schedule);
  const otherSchedule = scheduleOf(strategy.otherwise);

  return {
    id: strategy.id,
    label: strategy.label,
    onEntry: (ctx) => {
      const patient = ctx.individual.attributes;
      const eligible = isEligible(strategy.eligibility, patient.site, patient.histology);
      ctx.scheduleVisits(0, eligible ? eligibleSchedule : otherSchedule, null);
    },
  };
}
