// A surveillance strategy as engine strategy: the patient's schedule (by eligibility) becomes
// periodic scans; each scan may find liver disease, or raise a false alarm. Draws use the
// 'imaging' stream, so scans never disturb the natural history.
import type { SimulationContext, StrategyDefinition } from '../engine/model.js';
import type { Modality } from '../evidence/records/imaging.js';
import type { CarePathway } from './care-pathway.js';
import { detectionProbability } from './liver-burden.js';
import type { SarcomaInputs } from './model-inputs.js';
import type { Patient } from './patient.js';
import type { SarcomaState } from './states.js';
import { isEligible, type SurveillanceStrategy } from './surveillance-strategy.js';

type Ctx = SimulationContext<SarcomaState, Patient>;
const IMAGING = 'imaging';
const MONTH = 1 / 12;

export function surveillanceStrategy(
  strategy: SurveillanceStrategy,
  inputs: SarcomaInputs,
  pathway: CarePathway,
): StrategyDefinition<SarcomaState, Patient> {
  const adherence = strategy.adherence ?? inputs.defaultAdherence;

  const scanWith = (modality: Modality) => {
    const imaging = inputs.imaging[modality];
    return function surveillanceScan(ctx: Ctx) {
      const patient = ctx.individual.attributes;
      // Once liver disease has been found the patient follows the treatment pathway instead.
      if (patient.everDetected) return;
      if (ctx.uniform(IMAGING) >= adherence) {
        ctx.count('missedScans');
        return;
      }
      ctx.count('surveillanceScans');
      ctx.addReward('costs', imaging.cost);
      ctx.addReward('qalys', -inputs.scanQalyLoss);
      const draw = ctx.uniform(IMAGING);
      if (ctx.individual.state === 'liverDisease') {
        const found = detectionProbability(
          patient.growth,
          imaging.sensitivity,
          patient.lesionOnsets,
          ctx.individual.time,
        );
        if (draw < found) pathway.detect(ctx, 'surveillance');
      } else if (draw > imaging.specificity) {
        ctx.count('falsePositives');
        ctx.addReward('costs', inputs.falsePositiveCost);
        ctx.addReward('qalys', -inputs.falsePositiveQalyLoss);
      }
      // Every surveillance visit images the chest (chest CT alone or with the abdomen).
      if (!patient.everDetected) pathway.chestImaged(ctx, IMAGING, modality !== 'chestCt');
    };
  };
  const handlers = new Map<Modality, (ctx: Ctx) => void>();
  const handlerFor = (modality: Modality) => {
    let handler = handlers.get(modality);
    if (handler === undefined) {
      handler = scanWith(modality);
      handlers.set(modality, handler);
    }
    return handler;
  };

  return {
    id: strategy.id,
    label: strategy.label,
    onEntry: (ctx) => {
      const patient = ctx.individual.attributes;
      const segments = isEligible(strategy.eligibility, patient.site, patient.histology)
        ? strategy.schedule
        : strategy.otherwise;
      for (const segment of segments) {
        ctx.schedulePeriodic(
          segment.fromMonths * MONTH,
          segment.intervalMonths * MONTH,
          segment.toMonths * MONTH,
          handlerFor(segment.modality),
        );
      }
    },
  };
}
