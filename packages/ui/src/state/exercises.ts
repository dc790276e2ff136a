// Ready-made what-if exercises for students: each changes the default scenario in one way
// and asks a question the results answer.
import { applyPreset, COHORT_PRESETS } from './cohort-presets.js';
import { currentValue, type ScenarioDraft } from './scenario-draft.js';

export interface Exercise {
  readonly id: string;
  readonly title: string;
  readonly question: string;
  readonly hint: string;
  readonly apply: (draft: ScenarioDraft) => ScenarioDraft;
}

const halve = (draft: ScenarioDraft, id: string): ScenarioDraft => ({
  ...draft,
  parameters: { ...draft.parameters, [id]: currentValue(draft, id) / 2 },
});

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'cheap-contrast-ct',
    title: 'Contrast CT at half the price',
    question:
      'Does halving the price of contrast-enhanced CT change which strategy is preferred at 100,000 USD per QALY?',
    hint: 'Compare the ICER table and net monetary benefit with the default run.',
    apply: (d) => halve(d, 'imaging.contrastCt.cost'),
  },
  {
    id: 'lead-time',
    title: 'Lead-time bias',
    question: 'With treatment changing nothing, does survival from detection still look better with intensive imaging?',
    hint: 'Treatment effect is switched off. Compare survival from entry with the lead-time-biased survival from detection.',
    apply: (d) => ({ ...d, treatmentEffect: 'none' }),
  },
  {
    id: 'rp-lms-only',
    title: 'Only retroperitoneal leiomyosarcoma',
    question: 'For the highest-risk group, is abdominal imaging worth it?',
    hint: 'The cohort preset is retroperitoneal LMS; look at detections, resections and the ICERs.',
    apply: (d) => {
      const preset = COHORT_PRESETS.find((p) => p.id === 'retroperitoneal-lms');
      return preset === undefined ? d : { ...d, parameters: applyPreset(d.parameters, preset) };
    },
  },
  {
    id: 'no-discounting',
    title: 'No discounting',
    question: 'How do costs, QALYs and ICERs change when future costs and effects are not discounted?',
    hint: 'Both discount rates are 0. Imaging costs come early, benefits later.',
    apply: (d) => ({ ...d, discountRates: { costs: 0, effects: 0 } }),
  },
  {
    id: 'higher-threshold',
    title: 'A higher threshold',
    question: 'At 150,000 USD per QALY, which strategy has the highest net monetary benefit?',
    hint: 'Only the willingness to pay changes: the ICERs stay, the preferred strategy may not.',
    apply: (d) => ({ ...d, economics: { ...d.economics, willingnessToPay: 150_000 } }),
  },
];
