// Cohort presets: the registry mix, or the registry mix restricted to some sites or
// histologies (the other cells set to 0; the model normalises the rest).
import { HISTOLOGIES, type Histology, LMS, SITES, type Site } from '@sarcsim/model/sarcoma';

export interface CohortPreset {
  readonly id: string;
  readonly label: string;
  readonly keep: (site: Site, histology: Histology) => boolean;
}

export const COHORT_PRESETS: readonly CohortPreset[] = [
  { id: 'registry', label: 'Okamoto registry mix (all sites and histologies)', keep: () => true },
  { id: 'retroperitoneal', label: 'Retroperitoneal', keep: (site) => site === 'retroperitoneal' },
  { id: 'lms', label: 'Leiomyosarcoma (all sites)', keep: (_, histology) => histology === LMS },
  {
    id: 'retroperitoneal-lms',
    label: 'Retroperitoneal leiomyosarcoma',
    keep: (site, histology) => site === 'retroperitoneal' && histology === LMS,
  },
  { id: 'extremity', label: 'Extremity', keep: (site) => site === 'extremity' },
];

export const mixId = (site: Site, histology: Histology) => `cohort.mix.${site}.${histology}`;

/** Parameter overrides without any cohort mix entries, then the preset's zeros. */
export function applyPreset(parameters: Record<string, number>, preset: CohortPreset): Record<string, number> {
  const next = Object.fromEntries(Object.entries(parameters).filter(([id]) => !id.startsWith('cohort.mix.')));
  for (const site of SITES) {
    for (const histology of HISTOLOGIES) if (!preset.keep(site, histology)) next[mixId(site, histology)] = 0;
  }
  return next;
}

/** The preset the overrides match exactly, if any. */
export function presetOf(parameters: Record<string, number>): CohortPreset | undefined {
  return COHORT_PRESETS.find((preset) => {
    const expected = applyPreset(parameters, preset);
    const mixKeys = (p: Record<string, number>) =>
      Object.entries(p)
        .filter(([id]) => id.startsWith('cohort.mix.'))
        .sort()
        .join();
    return mixKeys(expected) === mixKeys(parameters);
  });
}
