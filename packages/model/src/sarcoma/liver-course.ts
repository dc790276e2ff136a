// The natural course, as scheduled events drawn from the 'natural' stream: liver-disease
// episodes (lesions seeded over time, symptoms when the burden grows), extrahepatic
// metastasis (onset by site, histology, grade and the shared propensity; symptoms once
// present) and local recurrence. Events carry their episode so that a resection makes the
// pending events of the cleared episode harmless.
import type { SimulationContext } from '../engine/model.js';
import type { CarePathway } from './care-pathway.js';
import { charge } from './charges.js';
import { detectionProbability } from './liver-burden.js';
import type { SarcomaInputs } from './model-inputs.js';
import { COUNTER, CURVE, PURPOSE } from './names.js';
import { beginEpisode, type Patient } from './patient.js';
import type { SarcomaState } from './states.js';

type Ctx = SimulationContext<SarcomaState, Patient>;

export interface LiverCourse {
  /** Begins a new liver-disease episode now (onset or recurrence) and schedules its course. */
  startEpisode(ctx: Ctx): void;
  /** Schedules the course of the current episode, which may have begun before now. */
  scheduleEpisode(ctx: Ctx): void;
  /** Schedules the extrahepatic-metastasis and local-recurrence events at entry. */
  scheduleAtEntry(ctx: Ctx): void;
}

export function liverCourse(inputs: SarcomaInputs, pathway: CarePathway): LiverCourse {
  const seedLesion = (patient: Patient, onset: number, u: number) => {
    if (patient.lesionOnsets.length >= inputs.maxLesions) return;
    const firstLobe = patient.lesionLobes[0] ?? 0;
    patient.lesionOnsets.push(onset);
    patient.lesionLobes.push(u < inputs.otherLobeProbability ? 1 - firstLobe : firstLobe);
  };

  const nextLesionGap = (ctx: Ctx) => ctx.exponentialWait(PURPOSE.natural, inputs.newLesionRatePerYear);

  const newLesion = (ctx: Ctx, episode: number) => {
    const patient = ctx.individual.attributes;
    if (patient.episode !== episode || ctx.individual.state !== 'liverDisease') return;
    seedLesion(patient, ctx.individual.time, ctx.uniform(PURPOSE.natural));
    ctx.schedule(ctx.individual.time + nextLesionGap(ctx), newLesion, episode);
  };

  const symptomaticPresentation = (ctx: Ctx, episode: number) => {
    const patient = ctx.individual.attributes;
    if (patient.episode !== episode || patient.detected || ctx.individual.state !== 'liverDisease') return;
    pathway.detect(ctx, 'symptoms');
  };

  const extrahepaticSymptoms = (ctx: Ctx) => {
    if (!ctx.individual.attributes.extrahepaticDetected) pathway.detectExtrahepatic(ctx, 'symptoms', false);
  };

  const extrahepaticOnset = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    patient.extrahepatic = true;
    patient.limitedLung = ctx.uniform(PURPOSE.natural) < inputs.limitedLungProbability;
    ctx.count(COUNTER.extrahepaticMetastases);
    if (patient.episode > 0) ctx.count(COUNTER.livermetWithExtrahepatic);
    ctx.curveEvent(CURVE.firstDistantMetastasis.cause.metastasis);
    ctx.hazardsChanged();
    ctx.schedule(
      ctx.individual.time + ctx.exponentialWait(PURPOSE.natural, inputs.extrahepaticSymptomRatePerYear),
      extrahepaticSymptoms,
      null,
    );
  };

  const localRecurrence = (ctx: Ctx) => {
    ctx.individual.attributes.localRecurrence = true;
    ctx.count(COUNTER.localRecurrences);
    ctx.curveEvent(CURVE.localRecurrence.cause.recurrence);
    charge(ctx, inputs.charges['events.localRecurrence']);
    ctx.hazardsChanged(); // local disease can now kill
  };

  const scheduleEpisode = (ctx: Ctx) => {
    const patient = ctx.individual.attributes;
    ctx.curveEvent(CURVE.firstDistantMetastasis.cause.metastasis); // only the first metastasis counts
    const now = ctx.individual.time;
    const onset = patient.episodeOnset;
    // Lesions seeded before now (disease already present at entry), then the next one.
    let next = onset + nextLesionGap(ctx);
    while (next <= now) {
      seedLesion(patient, next, ctx.uniform(PURPOSE.natural));
      next += nextLesionGap(ctx);
    }
    ctx.schedule(next, newLesion, patient.episode);
    const untilSymptoms = ctx.waitOnHazard(PURPOSE.natural, inputs.symptoms(patient.growth), now - onset);
    ctx.schedule(now + untilSymptoms, symptomaticPresentation, patient.episode);
  };

  return {
    startEpisode(ctx) {
      const patient = ctx.individual.attributes;
      if (patient.episode === 0) {
        ctx.count(COUNTER.patientsWithLiverMetastasis);
        if (patient.extrahepatic) ctx.count(COUNTER.livermetWithExtrahepatic);
      }
      beginEpisode(patient, ctx.individual.time);
      scheduleEpisode(ctx);
    },

    scheduleEpisode,

    scheduleAtEntry(ctx) {
      const patient = ctx.individual.attributes;
      // Would a staging contrast CT at diagnosis have shown liver disease already present?
      // Drawn for everyone, so that every patient uses the natural stream alike.
      const staging = ctx.uniform(PURPOSE.natural);
      patient.visibleAtDiagnosis =
        ctx.individual.state === 'liverDisease' &&
        staging < detectionProbability(patient.growth, inputs.imaging.contrastCt.sensitivity, patient.lesionOnsets, 0);
      const extrahepaticRatio =
        inputs.extrahepaticHazardRatio(patient.site, patient.histology, patient.grade) * patient.propensity;
      // The onset time is drawn even when the disease is already there, so that every patient
      // uses the natural stream alike.
      const onset = ctx.waitOnHazard(PURPOSE.natural, inputs.extrahepaticOnset, 0, extrahepaticRatio);
      ctx.schedule(patient.extrahepaticAtEntry ? 0 : onset, extrahepaticOnset, null);
      ctx.schedule(
        ctx.waitOnHazard(
          PURPOSE.natural,
          inputs.localRecurrence(patient.site),
          0,
          inputs.localRecurrenceHazardRatio(patient.grade, patient.histology),
        ),
        localRecurrence,
        null,
      );
    },
  };
}
