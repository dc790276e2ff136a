// The consensus treatment rules (001) as a pure decision: what happens when liver disease is found.

export interface TreatmentRules {
  readonly oligometastaticMaxLesions: number;
  readonly oligometastaticMaxSites: number;
  readonly resectableMaxDiameterMm: number;
  readonly ablationMaxLesions: number;
  readonly ablationMaxDiameterMm: number;
  readonly reresectionMinTfiYears: number;
}

export interface Findings {
  readonly lesions: number;
  readonly largestMm: number;
  readonly bilobar: boolean;
  /** Extrahepatic disease known to the team (found by imaging, staging or symptoms). */
  readonly extrahepatic: boolean;
  readonly limitedLung: boolean;
  /**
   * Synchronous disease, as the scenario's rule defines it (the care pathway decides: by
   * the consensus window from diagnosis, or by biology, disease present at diagnosis).
   */
  readonly synchronous: boolean;
  /** Years since the last resection or ablation (NaN if none): the treatment-free interval. */
  readonly yearsSinceLocalTreatment: number;
}

export interface PatientFactors {
  /** Fit for liver surgery (performance status, comorbidity, age). */
  readonly fitForSurgery: boolean;
  /** Bilobar disease here would need a complex hepatectomy. */
  readonly complexIfBilobar: boolean;
  /** The team follows the systemic-first policy for synchronous disease (rule.systemicFirst.probability). */
  readonly systemicFirstPolicy: boolean;
}

export type TreatmentPlan =
  | 'resection' // metachronous, oligometastatic, resectable, fit (or re-resection after a long TFI)
  | 'systemicThenReassess' // synchronous oligometastatic: systemic first, resection unless it progressed
  | 'ablation' // not a surgical candidate, but few small lesions
  | 'systemic'; // otherwise: systemic therapy, then best supportive care

export interface Classification {
  readonly synchronous: boolean;
  readonly oligometastatic: boolean;
  readonly liverConfinedOrLimitedLung: boolean;
  readonly resectable: boolean;
  readonly surgicalCandidate: boolean;
  readonly ablationCandidate: boolean;
}

export function classify(findings: Findings, factors: PatientFactors, rules: TreatmentRules): Classification {
  const isFirstEpisode = Number.isNaN(findings.yearsSinceLocalTreatment);
  const synchronous = isFirstEpisode && findings.synchronous;
  const sites = 1 + (findings.extrahepatic ? 1 : 0);
  const oligometastatic = findings.lesions <= rules.oligometastaticMaxLesions && sites <= rules.oligometastaticMaxSites;
  const liverConfinedOrLimitedLung = !findings.extrahepatic || findings.limitedLung;
  const resectable =
    findings.lesions <= rules.oligometastaticMaxLesions &&
    findings.largestMm <= rules.resectableMaxDiameterMm &&
    !(findings.bilobar && factors.complexIfBilobar);
  const tfiAllows = isFirstEpisode || findings.yearsSinceLocalTreatment > rules.reresectionMinTfiYears;
  const surgicalCandidate =
    oligometastatic && liverConfinedOrLimitedLung && resectable && factors.fitForSurgery && tfiAllows;
  const ablationCandidate =
    liverConfinedOrLimitedLung &&
    findings.lesions <= rules.ablationMaxLesions &&
    findings.largestMm <= rules.ablationMaxDiameterMm;
  return { synchronous, oligometastatic, liverConfinedOrLimitedLung, resectable, surgicalCandidate, ablationCandidate };
}

export function decideTreatment(findings: Findings, factors: PatientFactors, rules: TreatmentRules): TreatmentPlan {
  const c = classify(findings, factors, rules);
  if (c.synchronous && factors.systemicFirstPolicy && c.oligometastatic && c.liverConfinedOrLimitedLung)
    return 'systemicThenReassess';
  if (c.surgicalCandidate) return 'resection';
  if (c.ablationCandidate) return 'ablation';
  return 'systemic';
}
