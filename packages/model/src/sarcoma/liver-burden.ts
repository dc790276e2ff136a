// Liver tumour burden: lesion sizes from exponential growth, the burden summary the
// treatment rules read, and the chance that a scan finds at least one lesion.

/**
 * A lesion stops growing in diameter at 200 mm: the liver itself is about that size, and beyond
 * it the organ is replaced rather than the lesion enlarged (assumption; every treatment rule
 * treats lesions over 150 mm alike).
 */
export const MAX_LESION_DIAMETER_MM = 200;

export interface GrowthModel {
  readonly initialDiameterMm: number;
  /** Years for a lesion's diameter to double (three volume doublings). */
  readonly diameterDoublingYears: number;
}

export function growthModel(initialDiameterMm: number, volumeDoublingDays: number): GrowthModel {
  return { initialDiameterMm, diameterDoublingYears: (3 * volumeDoublingDays) / 365.25 };
}

/** Diameter (mm) of a lesion that began at `onset`, at time `time` (years). */
export function lesionDiameterMm(growth: GrowthModel, onset: number, time: number): number {
  const diameter = growth.initialDiameterMm * 2 ** (Math.max(0, time - onset) / growth.diameterDoublingYears);
  return Math.min(diameter, MAX_LESION_DIAMETER_MM);
}

export interface LiverBurden {
  readonly lesions: number;
  readonly largestMm: number;
  readonly bilobar: boolean;
}

export function liverBurden(
  growth: GrowthModel,
  onsets: readonly number[],
  lobes: readonly number[],
  time: number,
): LiverBurden {
  let earliest = Infinity;
  for (const onset of onsets) earliest = Math.min(earliest, onset);
  const bilobar = lobes.includes(0) && lobes.includes(1);
  return {
    lesions: onsets.length,
    largestMm: onsets.length === 0 ? 0 : lesionDiameterMm(growth, earliest, time),
    bilobar,
  };
}

/** Per-lesion sensitivity by size class (upper edges in mm; the last class is open). */
export interface SizeSensitivity {
  readonly edgesMm: readonly number[];
  readonly sensitivity: readonly number[];
}

export function sensitivityFor(table: SizeSensitivity, diameterMm: number): number {
  let k = 0;
  while (k < table.edgesMm.length && diameterMm >= (table.edgesMm[k] as number)) k++;
  return table.sensitivity[k] ?? 0;
}

/** Probability that a scan finds at least one lesion, each found independently. */
export function detectionProbability(
  growth: GrowthModel,
  table: SizeSensitivity,
  onsets: readonly number[],
  time: number,
): number {
  let missAll = 1;
  for (const onset of onsets) missAll *= 1 - sensitivityFor(table, lesionDiameterMm(growth, onset, time));
  return 1 - missAll;
}
