// Nelder–Mead simplex minimisation (standard coefficients), with restarts from the best point.
// Small and deterministic: the same function and start give the same path. The function may
// be asynchronous (each evaluation can run in workers); evaluations are still one at a time.

export interface NelderMeadOptions {
  /** Initial step along each axis. */
  readonly step: number;
  readonly maxEvaluations: number;
  /** Stop when the simplex's function values differ by less than this. */
  readonly tolerance: number;
  /** Fresh simplices started from the best point found so far. */
  readonly restarts: number;
  readonly onEvaluation?: (evaluations: number, best: number) => void;
}

export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
}

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

export async function nelderMead(
  f: (x: readonly number[]) => number | Promise<number>,
  start: readonly number[],
  options: NelderMeadOptions,
): Promise<NelderMeadResult> {
  let evaluations = 0;
  let best = { x: [...start], value: Number.POSITIVE_INFINITY };
  const evaluate = async (x: number[]) => {
    const value = await f(x);
    evaluations += 1;
    if (value < best.value) best = { x: [...x], value };
    options.onEvaluation?.(evaluations, best.value);
    return value;
  };
  for (let round = 0; round <= options.restarts && evaluations < options.maxEvaluations; round++) {
    await runSimplex(best.x, evaluate, () => evaluations < options.maxEvaluations, options);
  }
  return { x: best.x, value: best.value, evaluations };
}

async function runSimplex(
  start: readonly number[],
  evaluate: (x: number[]) => Promise<number>,
  budgetLeft: () => boolean,
  options: NelderMeadOptions,
): Promise<void> {
  const n = start.length;
  const points: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    p[i] = (p[i] as number) + options.step;
    points.push(p);
  }
  const values: number[] = [];
  for (const p of points) values.push(await evaluate(p));
  const order = () => {
    const indices = points.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    const sortedPoints = indices.map((i) => points[i] as number[]);
    const sortedValues = indices.map((i) => values[i] as number);
    points.splice(0, points.length, ...sortedPoints);
    values.splice(0, values.length, ...sortedValues);
  };
  const along = (centroid: number[], worst: number[], t: number) =>
    centroid.map((c, j) => c + t * (c - (worst[j] as number)));
  while (budgetLeft()) {
    order();
    if ((values[n] as number) - (values[0] as number) < options.tolerance) return;
    const worst = points[n] as number[];
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((points[i] as number[])[j] as number) / n;
    const reflected = along(centroid, worst, REFLECT);
    const reflectedValue = await evaluate(reflected);
    if (reflectedValue < (values[0] as number)) {
      const expanded = along(centroid, worst, EXPAND);
      const expandedValue = await evaluate(expanded);
      const keepExpanded = expandedValue < reflectedValue;
      points[n] = keepExpanded ? expanded : reflected;
      values[n] = keepExpanded ? expandedValue : reflectedValue;
    } else if (reflectedValue < (values[n - 1] as number)) {
      points[n] = reflected;
      values[n] = reflectedValue;
    } else {
      const outside = reflectedValue < (values[n] as number);
      const contracted = along(centroid, worst, outside ? CONTRACT : -CONTRACT);
      const contractedValue = await evaluate(contracted);
      if (contractedValue < Math.min(reflectedValue, values[n] as number)) {
        points[n] = contracted;
        values[n] = contractedValue;
      } else {
        const bestPoint = points[0] as number[];
        for (let i = 1; i <= n && budgetLeft(); i++) {
          points[i] = bestPoint.map((b, j) => b + SHRINK * (((points[i] as number[])[j] as number) - b));
          values[i] = await evaluate(points[i] as number[]);
        }
      }
    }
  }
}
