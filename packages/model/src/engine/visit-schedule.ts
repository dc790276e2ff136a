// Segmented visit schedules (surveillance imaging, post-treatment follow-up), run by the engine.
//
// A schedule is a list of segments, each with visits at from, from + every, … while before
// `to` (years from the schedule's start). The engine keeps one pending visit per schedule and
// times the next after each visit, so the model never expands a schedule itself.
//
// Quiet runs ("skip what cannot matter"): when `quiet` says a visit can change nothing but
// costs and counts (e.g. no disease a scan could find), the engine hands every visit due
// before the next other event of the history (a transition, a scheduled event, the end) to
// `run` at once. Nothing else can happen in between, so the run's outcome is exactly what the
// visits one by one would give in distribution, with far fewer events and random numbers.
import type { EventHandler, VisitSchedule, VisitSegment } from './model.js';

/** A schedule in progress for the current history (engine-internal). */
export interface ScheduleInProgress<S extends string, A, T extends VisitSegment, D> {
  readonly schedule: VisitSchedule<S, A, T, D>;
  readonly data: D;
  readonly start: number;
  segmentIndex: number;
  number: number;
}

/** Time of visit `number` of segment `segment` of a schedule that started at `start`. */
export function visitTime(start: number, segment: VisitSegment, number: number): number {
  return start + segment.fromYears + number * segment.everyYears;
}

/** Whether visit `number` lies inside its segment. */
export function inSegment(segment: VisitSegment, number: number): boolean {
  return segment.fromYears + number * segment.everyYears < segment.toYears;
}

/** Moves `progress` to its next visit (possibly the first of a later segment); false when none is left. */
export function advanceSchedule<S extends string, A, T extends VisitSegment, D>(
  progress: ScheduleInProgress<S, A, T, D>,
  by: number,
): boolean {
  const segments = progress.schedule.segments;
  progress.number += by;
  while (progress.segmentIndex < segments.length) {
    const segment = segments[progress.segmentIndex] as T;
    if (inSegment(segment, progress.number)) return true;
    progress.segmentIndex += 1;
    progress.number = 0;
  }
  return false;
}

export type ScheduleHandler<S extends string, A> = EventHandler<S, A, ScheduleInProgress<S, A, VisitSegment, unknown>>;
