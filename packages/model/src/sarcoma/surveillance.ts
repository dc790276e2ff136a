// A surveillance strategy as engine strategy: the patient's schedule (by eligibility) becomes
// a visit schedule; each scan may find liver disease, or raise a false alarm. Draws use the
// 'imaging' stream, so scans never disturb the natural history.
import type {
  SimulationContext,
  StrategyDefinition,
  Visit,
  VisitRun,
  VisitSchedule,
  VisitSegment,
} from '../engine/model.js';
import type { Modality } from '../evidence/records/imaging.js';
import type { CarePathway } from './care-pathway.js';
import { type Charge, charge, chargeAt, chargeSeries } from './charges.js';
import { detectionProbability } from './liver-burden.js';
import type { ImagingModality, SarcomaInputs } from './model-inputs.js';
import { COUNTER, PURPOSE } from './names.js';
import type { Patient } from './patient.js';
import type { SarcomaState } from './states.js';
import { isEligible, type ScheduleSegment, type SurveillanceStrategy } from './surveillance-strategy.js';

type Ctx = SimulationContext<SarcomaState, Patient>;
const MONTH = 1 / 12;

/** A schedule segment in years, with the modality its scans use and what one costs. */
interface ScanSegment extends VisitSegment {
  readonly modality: Modality;
  readonly imaging: ImagingModality;
  readonly scan: Charge;
}

export function surveillanceStrategy(
  strategy: SurveillanceStrategy,
  inputs: SarcomaInputs,
  pathway: CarePathway,
): StrategyDefinition<SarcomaState, Patient> {
  const adherence = strategy.adherence ?? inputs.defaultAdherence;
  const { charges } = inputs;

  const surveillanceScan = (ctx: Ctx, visit: Visit<ScanSegment>): boolean => {
    const patient = ctx.individual.attributes;
    // Once liver disease has been found the patient follows the treatment pathway instead.
    if (patient.everDetected) return false;
    const { imaging, modality, scan } = visit.segment;
    if (ctx.uniform(PURPOSE.imaging) >= adherence) {
      ctx.count(COUNTER.missedScans);
      return true;
    }
    ctx.count(COUNTER.surveillanceScans);
    charge(ctx, scan);
    charge(ctx, charges['qalyLosses.scan']);
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
      charge(ctx, charges['workups.falsePositive']);
      charge(ctx, charges['qalyLosses.falsePositive']);
    }
    // Every surveillance visit images the chest (chest CT alone or with the abdomen).
    if (!patient.everDetected) pathway.chestImaged(ctx, PURPOSE.imaging, modality !== 'chestCt');
    return true;
  };

  /**
   * A scan can only cost and raise false alarms while there is no liver disease to find and no
   * unknown extrahepatic disease the chest imaging could reveal; until the next natural event
   * every visit is then alike, and the engine hands them over as one run.
   */
  const quiet = (ctx: Ctx): boolean => {
    const patient = ctx.individual.attributes;
    return (
      ctx.individual.state !== 'liverDisease' &&
      !patient.everDetected &&
      (!patient.extrahepatic || patient.extrahepaticDetected)
    );
  };

  /**
   * A run of quiet visits, exact in distribution: each visit is independently missed
   * (1 − adherence), attended with a false positive (adherence × (1 − specificity)) or attended
   * and clear. Only the first two change anything beyond the run's totals, so the gaps between
   * them are drawn as geometric waiting times (one uniform each, plus one for the kind) instead
   * of two uniforms a visit. Costs and QALY losses of the run are summed in closed form.
   */
  const quietScans = (ctx: Ctx, run: VisitRun<ScanSegment>): void => {
    const { imaging, scan } = run.segment;
    const missProbability = 1 - adherence;
    const special = missProbability + adherence * (1 - imaging.specificity);
    let missed = 0;
    let falsePositives = 0;
    for (
      let i = ctx.trialsBeforeSuccess(PURPOSE.imaging, special);
      i < run.count;
      i += 1 + ctx.trialsBeforeSuccess(PURPOSE.imaging, special)
    ) {
      const time = run.time(i);
      if (ctx.uniform(PURPOSE.imaging) * special < missProbability) {
        missed++;
        // The run's series below counts every visit; a missed one neither costs nor burdens.
        chargeAt(ctx, scan, time, -1);
        chargeAt(ctx, charges['qalyLosses.scan'], time, -1);
      } else {
        falsePositives++;
        chargeAt(ctx, charges['workups.falsePositive'], time);
        chargeAt(ctx, charges['qalyLosses.falsePositive'], time);
      }
    }
    chargeSeries(ctx, scan, run.first, run.every, run.count);
    chargeSeries(ctx, charges['qalyLosses.scan'], run.first, run.every, run.count);
    ctx.count(COUNTER.surveillanceScans, run.count - missed);
    if (missed > 0) ctx.count(COUNTER.missedScans, missed);
    if (falsePositives > 0) ctx.count(COUNTER.falsePositives, falsePositives);
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
      scan: charges[`scans.${s.modality}`],
    })),
    visit: surveillanceScan,
    quiet,
    run: quietScans,
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
