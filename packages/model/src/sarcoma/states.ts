// The sarcoma model's states. Detection and treatment response are attributes, not states,
// so finding disease earlier does not by itself redraw any natural-history time.
export const SARCOMA_STATES = ['noLiverDisease', 'liverDisease', 'liverCleared', 'deadCancer', 'deadOther'] as const;
export type SarcomaState = (typeof SARCOMA_STATES)[number];
export const LIVING_STATES: readonly SarcomaState[] = ['noLiverDisease', 'liverDisease', 'liverCleared'];
export const TERMINAL_STATES: readonly SarcomaState[] = ['deadCancer', 'deadOther'];
