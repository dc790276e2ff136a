// The sarcoma model's states. Detection and treatment response are attributes, not states,
// so finding disease earlier does not by itself redraw any natural-history time.
export const SARCOMA_STATES = [
  'noLiverDisease',
  'liverDisease',
  'liverCleared',
  'deadCancer',
  'deadLocalRecurrence',
  'deadOther',
] as const;
export type SarcomaState = (typeof SARCOMA_STATES)[number];
export const LIVING_STATES: readonly SarcomaState[] = ['noLiverDisease', 'liverDisease', 'liverCleared'];
/** deadCancer: metastatic (liver or extrahepatic) disease; deadLocalRecurrence: uncontrolled local disease. */
export const TERMINAL_STATES: readonly SarcomaState[] = ['deadCancer', 'deadLocalRecurrence', 'deadOther'];
