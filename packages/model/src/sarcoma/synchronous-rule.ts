// When is liver disease "synchronous"? The consensus (001 rec. 2.1) calls disease found at
// diagnosis or within six months synchronous and treats it systemic-first. Read literally, that
// lets the scan schedule relabel a patient: the same disease is synchronous under 3-monthly
// abdominal imaging and metachronous when symptoms find it at 8 months. The staging rule
// labels by the disease itself: present when the primary was diagnosed and large enough that
// a staging contrast CT would have shown it, whatever the surveillance schedule does later.
// (Microscopic disease present at diagnosis is metachronous, as a clinician would call it.)
export const SYNCHRONOUS_RULES = ['window', 'staging'] as const;
export type SynchronousRule = (typeof SYNCHRONOUS_RULES)[number];

export interface SynchronousEvidence {
  /** Years from diagnosis of the primary to this detection. */
  readonly yearsSinceDiagnosis: number;
  /** Present at diagnosis of the primary and visible to a staging contrast CT then. */
  readonly visibleAtDiagnosis: boolean;
}

/** Whether a first episode of liver disease counts as synchronous under `rule`. */
export function isSynchronous(rule: SynchronousRule, windowYears: number, evidence: SynchronousEvidence): boolean {
  return rule === 'window' ? evidence.yearsSinceDiagnosis <= windowYears : evidence.visibleAtDiagnosis;
}
