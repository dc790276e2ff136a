// The natural course, as scheduled events drawn from the 'natural' stream: liver-disease
// episodes (lesions seeded over time, symptoms when the burden grows), extrahepatic
// metastasis and local recurrence. Events carry their episode so that a resection makes
// the pending events of the cleared episode harmless.
import type { Hazard } from '../engine/hazard.js';
import type { SimulationContext } from '../engine/model.js';
import type { SarcomaInputs } from './model-inputs.js';
import { beginEpisode, type Patient } from './patient.js';
import type { SarcomaState } from './states.js';

type Ctx = SimulationContext<SarcomaState, Patient>;
export type DetectionRoute = 'surveillance' | 'symptoms' | 'followUp';

const NATURAL = 'natural';

/** Time of the next event of `hazard` after clock value `clockNow`, with a fresh Exp(1) budget. */
function nextOnClock(ctx: Ctx, hazard: Hazard, clockNow: number): number {
  const budget = -Math.log(1 - ctx.uniform(NATURAL));
  return hazard.inverseCumulative(hazard.cumulative(clockNow) + budget) - clockNow;
}

export interface LiverCourse {
  /** Begins a new liver-disease episode now (onset or recurrence) and schedules its course. */
  startEpisode(ctx: Ctx): void;
  /** Schedules the course of the current episode, which may have begun before now. */
  scheduleEpisode(ctx: Ctx): void;
  /** Schedules the extrahepatic-metastasis and local-recurrence events at entry. */
  scheduleAtEntry(ctx: Ctx): void;
}

export function liverCourse(inputs: SarcomaInputs, detect: (ctx: Ctx, route: DetectionRoute) => void): LiverCourse {
  const seedLesion = (patient: Patient, onset: number, u: number) => {
    if (patient.lesionOnsets.length >= inputs.maxLesions) return;
    const firstLobe = patient.lesionLobes[0] ?? 0;
    patient.lesionOnsets.push(onset);
    patient.lesionLobes.push(u < inputs.otherLobeProbability ? 1 - firstLobe : firstLobe);
  };

  const nextLesionGap = (ctx: Ctx) =>
    inputs.newLesionRatePerYear > 0 ? -Math.log(1 - ctx.uniform(NATURAL)) / inputs.newLesionRatePerYear : Infinity;

  const newLesion = (ctx: Ctx, episode: number) => {
    const patient = ctx.individual.attributes;
    if (patient.episode !== episode || ctx.individual.state !== 'liverDisease') return;
    seedLesion(patient, ctx.individual.time, ctx.uniform(NATURAL));
    ctx.schedule(ctx.individual.time + nextLesionGap(ctx), newLesion, episode);
  };

  const symptomaticPresentation = (ctx: Ctx, episode: number) => {
    const patient = ctx.individual.attributes;
    if (patient.episode !== episode || patient.detected || ctx.individual.state !== 'liverDisease') return;
    detect(ctx, 'symptoms');
  };

  const extrahepaticOnset = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    patient.extrahepatic = true;
    patient.limitedLung = ctx.uniform(NATURAL) < inputs.limitedLungProbability;
    ctx.count('extrahepaticMetastases');
    ctx.curveEvent('firstDistantMetastasis', 'metastasis');
    ctx.hazardsChanged();
  };

  const localRecurrence = (ctx: Ctx) => {
    ctx.count('localRecurrences');
    ctx.addReward('costs', inputs.cost.localRecurrence);
  };

  const scheduleEpisode = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    ctx.curveEvent('firstDistantMetastasis', 'metastasis'); // only the first metastasis counts
    const now = ctx.individual.time;
    const onset = patient.episodeOnset;
    // Lesions seeded before now (disease already present at entry), then the next one.
    let next = onset + nextLesionGap(ctx);
    while (next <= now) {
      seedLesion(patient, next, ctx.uniform(NATURAL));
      next += nextLesionGap(ctx);
    }
    ctx.schedule(next, newLesion, patient.episode);
    const untilSymptoms = nextOnClock(ctx, inputs.symptoms, now - onset);
    ctx.schedule(now + untilSymptoms, symptomaticPresentation, patient.episode);
  };

  return {
    startEpisode(ctx) {
      beginEpisode(ctx.individual.attributes, ctx.individual.time);
      scheduleEpisode(ctx);
    },

    scheduleEpisode,

    scheduleAtEntry(ctx) {
      const patient = ctx.individual.attributes;
      ctx.schedule(nextOnClock(ctx, inputs.extrahepaticOnset, 0), extrahepaticOnset, null);
      const recurrenceRate = inputs.localRecurrenceRate(patient.site);
      const untilRecurrence = recurrenceRate > 0 ? -Math.log(1 - ctx.uniform(NATURAL)) / recurrenceRate : Infinity;
      ctx.schedule(untilRecurrence, localRecurrence, null);
    },
  };
}
