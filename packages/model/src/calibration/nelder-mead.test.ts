import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', async () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = await nelderMead(rosenbrock, [-1.2, 1], {
      step: 0.5,
      maxEvaluations: 5_000,
      tolerance: 1e-14,
      restarts: 3,
    });
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.value).toBeLessThan(1e-8);
  });

  it('minimises a shifted 6-dimensional quadratic and respects the evaluation budget', async () => {
    const centre = [1, -2, 3, 0.5, -1, 2];
    const quadratic = (x: readonly number[]) =>
      x.reduce((s, v, i) => s + (i + 1) * (v - (centre[i] as number)) ** 2, 0);
    const result = await nelderMead(quadratic, new Array(6).fill(0), {
      step: 1,
      maxEvaluations: 4_000,
      tolerance: 1e-12,
      restarts: 2,
    });
    result.x.forEach((v, i) => {
      expect(v).toBeCloseTo(centre[i] as number, 3);
    });
    const capped = await nelderMead(quadratic, new Array(6).fill(0), {
      step: 1,
      maxEvaluations: 50,
      tolerance: 0,
      restarts: 5,
    });
    expect(capped.evaluations).toBeLessThanOrEqual(50 + 6); // a shrink may finish its sweep
  });

  it('is deterministic', async () => {
    const f = ([x = 0, y = 0]: readonly number[]) => (x - 3) ** 2 + Math.abs(y + 1);
    const a = await nelderMead(f, [0, 0], { step: 1, maxEvaluations: 500, tolerance: 1e-10, restarts: 1 });
    const b = await nelderMead(f, [0, 0], { step: 1, maxEvaluations: 500, tolerance: 1e-10, restarts: 1 });
    expect(b).toEqual(a);
  });
});
