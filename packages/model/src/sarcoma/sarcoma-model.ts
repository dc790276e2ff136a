// The sarcoma liver-metastasis model assembled for the engine (see docs/model.md).
//
// States: no liver disease → liver disease (onset by site × histology × grade × propensity,
// or present at entry) → liver cleared (resection or ablation) → liver disease again
// (recurrence); deaths from metastatic cancer (liver burden, extrahepatic disease), from
// uncontrolled local recurrence, and from other causes (life table). Detection, systemic
// response, extrahepatic spread and local recurrence are attributes that change hazards in place.
import type { LifeTableBySex } from '../data/life-tables.js';
import { exponential, lifeTable } from '../engine/hazard.js';
import type {
  Individual,
  ModelDefinition,
  RewardChannelDefinition,
  SimulationContext,
  SimulationDefinition,
} from '../engine/model.js';
import type { ParameterValues } from '../evidence/registry.js';
import { carePathway } from './care-pathway.js';
import { charge, withoutQuantities } from './charges.js';
import type { GradeEffect } from './grade-effect.js';
import { liverCourse } from './liver-course.js';
import { sarcomaInputs } from './model-inputs.js';
import {
  COUNTER,
  OUTCOME_CHANNELS,
  QUANTITY_CHANNELS,
  type QuantityChannel,
  SARCOMA_CHANNELS,
  SARCOMA_COUNTERS,
  SARCOMA_CURVES,
  SARCOMA_PURPOSES,
} from './names.js';
import { copyPatient, type Patient, samplePatient } from './patient.js';
import {
  countRegisteredPatient,
  countRegistryDetection,
  type RegistryObservation,
  registryCounters,
} from './registry-replica.js';
import { LIVING_STATES, SARCOMA_STATES, type SarcomaState, TERMINAL_STATES } from './states.js';
import { surveillanceStrategy } from './surveillance.js';
import type { SurveillanceStrategy } from './surveillance-strategy.js';
import type { SynchronousRule } from './synchronous-rule.js';
import { QUANTITY_PRICES } from './valuation.js';

type Ctx = SimulationContext<SarcomaState, Patient>;
type UtilityClass = 'years.noEvidentDisease' | 'years.metastaticControlled' | 'years.metastaticProgressive';
const UTILITY_CLASSES: readonly UtilityClass[] = [
  'years.noEvidentDisease',
  'years.metastaticControlled',
  'years.metastaticProgressive',
];

export interface SarcomaOptions {
  readonly strategies: readonly SurveillanceStrategy[];
  readonly lifeTable: LifeTableBySex;
  readonly horizonYears: number;
  readonly discountRates: { readonly costs: number; readonly effects: number };
  /**
   * 'modelled': treatments act as the evidence says. 'none': a what-if in which treatments
   * happen (and cost) but change nothing, which isolates lead-time bias.
   */
  readonly treatmentEffect: 'modelled' | 'none';
  /** Which liver disease counts as synchronous for the systemic-first rule (default 'staging': by biology). */
  readonly synchronousRule?: SynchronousRule;
  /** Whether a patient's grade changes hazards ('modelled', default) or only the histology's mean does ('averaged'). */
  readonly gradeEffect?: GradeEffect;
  /** Share of planned liver resections and ablations that happen (1 unless an experiment withholds them). */
  readonly localTherapyAvailability?: number;
  /** Observe the cohort as Okamoto's registry did (censoring, detected counts by group). */
  readonly registry?: RegistryObservation;
  /**
   * Whether the run keeps the quantity channels (default true). They cost about a tenth of
   * the run and only valuation after simulation reads them (the DSA, the run table); without
   * them every cost, QALY, counter and curve is bitwise the same.
   */
  readonly quantities?: boolean;
}

/** Width of the survival and incidence curves' time grid: one month. */
export const CURVE_STEP_YEARS = 1 / 12;

export function sarcomaSimulation(
  parameters: ParameterValues,
  options: SarcomaOptions,
): SimulationDefinition<SarcomaState, Patient> {
  const keepQuantities = options.quantities !== false;
  const priced = sarcomaInputs(parameters, options.synchronousRule, options.gradeEffect);
  const inputs = keepQuantities ? priced : { ...priced, charges: withoutQuantities(priced.charges) };
  const treatmentWorks = options.treatmentEffect === 'modelled';
  const registry = options.registry;
  const pathway = carePathway(
    inputs,
    treatmentWorks,
    registry === undefined ? undefined : (ctx, before) => countRegistryDetection(ctx, registry, before),
    registry?.localTherapyAvailability ?? options.localTherapyAvailability,
  );
  const course = liverCourse(inputs, pathway);
  const background = { male: lifeTable(options.lifeTable.male), female: lifeTable(options.lifeTable.female) };
  const localDeath = exponential(1);
  const responderRatio = (patient: Patient) =>
    treatmentWorks && patient.systemicResponder ? inputs.responderDeathHazardRatio : 1;

  const known = (patient: Patient) => patient.detected || patient.extrahepaticDetected;
  const { charges } = inputs;
  const endOfLife = (ctx: Ctx) => charge(ctx, charges['events.endOfLife']);

  // Time-based costs and QALYs, decided once per living state so that each priced rate and
  // its quantity (years under metastatic care, years in a utility class) follow one rule.
  const underMetastaticCare: Readonly<Record<string, (patient: Patient) => boolean>> = {
    liverDisease: known,
    noLiverDisease: (patient) => patient.extrahepaticDetected,
    liverCleared: (patient) => patient.extrahepaticDetected,
  };
  const controlledIfExtrahepatic = (patient: Patient): UtilityClass =>
    patient.extrahepaticDetected ? 'years.metastaticControlled' : 'years.noEvidentDisease';
  const utilityClass: Readonly<Record<string, (patient: Patient) => UtilityClass>> = {
    noLiverDisease: controlledIfExtrahepatic,
    liverCleared: controlledIfExtrahepatic,
    liverDisease: (patient) => {
      if (!known(patient)) return 'years.noEvidentDisease';
      if (!patient.detected) return 'years.metastaticControlled'; // extrahepatic only
      return patient.systemicResponder ? 'years.metastaticControlled' : 'years.metastaticProgressive';
    },
  };
  const perLivingState = (
    rate: (state: SarcomaState) => (patient: Patient) => number,
  ): Partial<Record<SarcomaState, (person: Individual<SarcomaState, Patient>) => number>> =>
    Object.fromEntries(
      LIVING_STATES.map((state) => {
        const of = rate(state);
        return [state, (person: Individual<SarcomaState, Patient>) => of(person.attributes)];
      }),
    );
  const careYear = charges['years.metastaticCare'].price;
  const onCare = (state: SarcomaState) => underMetastaticCare[state] as (patient: Patient) => boolean;
  const classOf = (state: SarcomaState) => utilityClass[state] as (patient: Patient) => UtilityClass;
  const rateOf = (priced: 'costs' | 'qalys') =>
    priced === 'costs' ? options.discountRates.costs : options.discountRates.effects;
  const quantity = (name: QuantityChannel): RewardChannelDefinition<SarcomaState, Patient> => {
    const annualDiscountRate = rateOf(QUANTITY_PRICES[name].priced);
    if (name === 'years.metastaticCare') {
      return {
        annualDiscountRate,
        paired: false,
        perYearInState: perLivingState((state) => {
          const care = onCare(state);
          return (patient) => (care(patient) ? 1 : 0);
        }),
      };
    }
    if ((UTILITY_CLASSES as readonly string[]).includes(name)) {
      return {
        annualDiscountRate,
        paired: false,
        perYearInState: perLivingState((state) => {
          const of = classOf(state);
          return (patient) => (of(patient) === name ? 1 : 0);
        }),
      };
    }
    return { annualDiscountRate, paired: false };
  };

  const model: ModelDefinition<SarcomaState, Patient> = {
    name: 'sarcoma liver metastasis',
    states: SARCOMA_STATES,
    terminalStates: TERMINAL_STATES,
    attributes: (u) => samplePatient(inputs.cohort, u, registry),
    copyAttributes: copyPatient,
    initialState: (person) => {
      const synchronous = !Number.isNaN(person.attributes.synchronousAgeYears);
      return synchronous ? 'liverDisease' : 'noLiverDisease';
    },
    transitions: [
      {
        from: 'noLiverDisease',
        to: 'liverDisease',
        hazard: inputs.onsetHazard,
        hazardRatio: (person) => {
          const patient = person.attributes;
          return inputs.onsetHazardRatio(patient.site, patient.histology, patient.grade) * patient.propensity;
        },
        clock: 'entry',
        onTransition: (ctx) => course.startEpisode(ctx),
      },
      {
        from: 'liverCleared',
        to: 'liverDisease',
        hazard: inputs.recurrenceAfterTreatment,
        hazardRatio: (person) => person.attributes.recurrenceHazardRatio,
        clock: 'state',
        onTransition: (ctx) => course.startEpisode(ctx),
      },
      {
        from: 'liverDisease',
        to: 'deadCancer',
        hazard: inputs.liverDeath,
        hazardRatio: (person) => responderRatio(person.attributes),
        // The hazard runs on the time since the episode began (before entry for synchronous disease).
        clock: 'entry',
        clockOffset: (person) => -person.attributes.episodeOnset,
        onTransition: endOfLife,
      },
      {
        from: LIVING_STATES,
        to: 'deadCancer',
        hazard: inputs.extrahepaticDeath,
        hazardRatio: (person) => {
          const patient = person.attributes;
          return patient.extrahepatic ? patient.extrahepaticDeathHazardRatio * responderRatio(patient) : 0;
        },
        clock: 'state',
        onTransition: endOfLife,
      },
      {
        from: LIVING_STATES,
        to: 'deadLocalRecurrence',
        hazard: localDeath,
        hazardRatio: (person) => {
          const patient = person.attributes;
          return patient.localRecurrence ? inputs.localRecurrenceDeathRate(patient.site) : 0;
        },
        clock: 'state',
        onTransition: endOfLife,
      },
      {
        from: LIVING_STATES,
        to: 'deadOther',
        hazard: (person) => background[person.attributes.sex],
        clock: 'entry',
        clockOffset: (person) => person.attributes.ageAtEntry,
      },
    ],
    rewards: {
      costs: {
        annualDiscountRate: options.discountRates.costs,
        perYearInState: perLivingState((state) => {
          const care = onCare(state);
          return (patient) => (care(patient) ? careYear : 0);
        }),
      },
      qalys: {
        annualDiscountRate: options.discountRates.effects,
        perYearInState: perLivingState((state) => {
          const of = classOf(state);
          return (patient) => charges[of(patient)].price;
        }),
      },
      lifeYears: {
        annualDiscountRate: options.discountRates.effects,
        perYearInState: { noLiverDisease: 1, liverDisease: 1, liverCleared: 1 },
      },
      ...(keepQuantities ? Object.fromEntries(QUANTITY_CHANNELS.map((name) => [name, quantity(name)])) : {}),
    },
    counters: registry === undefined ? SARCOMA_COUNTERS : [...SARCOMA_COUNTERS, ...registryCounters()],
    purposes: SARCOMA_PURPOSES,
    curves: SARCOMA_CURVES,
    ...(registry === undefined ? {} : { followUpYears: (person) => person.attributes.followUpYears }),
    onEntry: (ctx) => {
      if (registry !== undefined) countRegisteredPatient(ctx);
      if (ctx.individual.state === 'liverDisease') {
        ctx.count(COUNTER.patientsWithLiverMetastasis);
        course.scheduleEpisode(ctx);
      }
      course.scheduleAtEntry(ctx);
    },
    horizonYears: options.horizonYears,
    curveStepYears: CURVE_STEP_YEARS,
  };

  const channels = keepQuantities ? SARCOMA_CHANNELS : OUTCOME_CHANNELS;
  if (Object.keys(model.rewards).join() !== channels.join()) {
    throw new Error(`sarcoma model: reward channels must be declared in the order of SARCOMA_CHANNELS`);
  }
  return { model, strategies: options.strategies.map((s) => surveillanceStrategy(s, inputs, pathway)) };
}
