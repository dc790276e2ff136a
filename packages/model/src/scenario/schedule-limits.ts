// Bounds on custom surveillance schedules, so that the work a scenario asks for stays in
// proportion to what a user could mean: an interval of 1e-9 months (or 5e-324, which
// underflows to 0) would schedule scans without end, and 200,000 segments cost gigabytes.
// The schedule's own schema (sarcoma/surveillance-strategy.ts) checks each segment's form;
// these checks need the horizon too, so the scenario applies them.

/** Shortest interval between scheduled scans: one week, in months. */
export const MIN_INTERVAL_MONTHS = 7 / (365.25 / 12);
/** Most segments in one schedule; shipped schedules have 3 or 4. */
export const MAX_SEGMENTS = 100;
/** Most scheduled scans one patient can get within the horizon: monthly for 100 years. */
export const MAX_SCANS_PER_PATIENT = 1_200;

interface Segment {
  readonly fromMonths: number;
  readonly toMonths: number;
  readonly intervalMonths: number;
}

export interface ScheduleProblem {
  readonly path: (string | number)[];
  /** What was received, as the message should quote it. */
  readonly got: string;
  readonly input: unknown;
  readonly message: string;
}

/** Scans a segment schedules before it ends or the horizon does. */
function scansOf(segment: Segment, horizonMonths: number): number {
  const end = Math.min(segment.toMonths, horizonMonths);
  return end > segment.fromMonths ? Math.ceil((end - segment.fromMonths) / segment.intervalMonths) : 0;
}

/** Problems of one schedule (`path` leads to it), given the horizon in years. */
export function scheduleProblems(
  segments: readonly Segment[],
  horizonYears: number,
  path: (string | number)[],
): ScheduleProblem[] {
  if (segments.length > MAX_SEGMENTS) {
    return [
      {
        path,
        got: `${segments.length.toLocaleString('en-US')} segments`,
        input: segments.length,
        message: `must have at most ${MAX_SEGMENTS} segments (a schedule is a few phases of follow-up)`,
      },
    ];
  }
  const problems: ScheduleProblem[] = [];
  segments.forEach((segment, i) => {
    if (segment.intervalMonths < MIN_INTERVAL_MONTHS) {
      problems.push({
        path: [...path, i, 'intervalMonths'],
        got: String(segment.intervalMonths),
        input: segment.intervalMonths,
        message: `must be ≥ ${MIN_INTERVAL_MONTHS.toFixed(2)} months (one week): shorter intervals add work, not information`,
      });
    }
  });
  if (problems.length > 0) return problems;
  const scans = segments.reduce((sum, s) => sum + scansOf(s, horizonYears * 12), 0);
  if (scans > MAX_SCANS_PER_PATIENT) {
    problems.push({
      path,
      got: `${scans.toLocaleString('en-US')} scans per patient within the ${horizonYears}-year horizon`,
      input: scans,
      message: `must be at most ${MAX_SCANS_PER_PATIENT.toLocaleString('en-US')} (monthly for 100 years): lengthen the intervals or end segments sooner`,
    });
  }
  return problems;
}
