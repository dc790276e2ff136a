// Hazard families as cumulative hazards with closed-form (or exact piecewise) inverses.
//
// The engine samples event times by inversion: from clock value c0 with an exponential
// budget E, the event happens at the clock value c where H(c) = H(c0) + E / HR.
// Every family therefore provides H and its inverse; no family needs time steps.
// Time is in years throughout the engine.

/** A hazard on a clock measured in years. `cumulative` is H(t) = ∫₀ᵗ h(u) du. */
export interface Hazard {
  readonly family: string;
  /** Instantaneous hazard h(t), per year. */
  rate(t: number): number;
  /** Cumulative hazard H(t). Non-decreasing, H(0) = 0, may be Infinity. */
  cumulative(t: number): number;
  /** Smallest t with H(t) ≥ h, or Infinity if H never reaches h. */
  inverseCumulative(h: number): number;
}

function requirePositive(family: string, name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${family}: ${name} must be a finite number > 0, got ${value}`);
  }
}

function requireNonNegative(family: string, name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${family}: ${name} must be a finite number ≥ 0, got ${value}`);
  }
}

/** Constant hazard `ratePerYear`. */
export function exponential(ratePerYear: number): Hazard {
  requireNonNegative('exponential', 'ratePerYear', ratePerYear);
  return {
    family: 'exponential',
    rate: () => ratePerYear,
    cumulative: (t) => ratePerYear * t,
    inverseCumulative: (h) => (h <= 0 ? 0 : ratePerYear === 0 ? Infinity : h / ratePerYear),
  };
}

/** Weibull with S(t) = exp(-(t/scale)^shape); scale in years. */
export function weibull(shape: number, scaleYears: number): Hazard {
  requirePositive('weibull', 'shape', shape);
  requirePositive('weibull', 'scaleYears', scaleYears);
  return {
    family: 'weibull',
    rate: (t) => (shape / scaleYears) * (t / scaleYears) ** (shape - 1),
    cumulative: (t) => (t <= 0 ? 0 : (t / scaleYears) ** shape),
    inverseCumulative: (h) => (h <= 0 ? 0 : scaleYears * h ** (1 / shape)),
  };
}

/**
 * Gompertz with h(t) = rate·e^{shape·t}. A negative shape gives a hazard that fades,
 * so some individuals never have the event (H plateaus at -rate/shape).
 */
export function gompertz(shape: number, ratePerYear: number): Hazard {
  if (!Number.isFinite(shape)) throw new RangeError(`gompertz: shape must be finite, got ${shape}`);
  requireNonNegative('gompertz', 'ratePerYear', ratePerYear);
  // A zero rate is a hazard that never fires (e.g. a what-if without symptoms).
  if (shape === 0 || ratePerYear === 0) return { ...exponential(ratePerYear), family: 'gompertz' };
  return {
    family: 'gompertz',
    rate: (t) => ratePerYear * Math.exp(shape * t),
    cumulative: (t) => (t <= 0 ? 0 : (ratePerYear / shape) * Math.expm1(shape * t)),
    inverseCumulative: (h) => {
      if (h <= 0) return 0;
      const x = (shape * h) / ratePerYear;
      return x <= -1 ? Infinity : Math.log1p(x) / shape;
    },
  };
}

/** Log-logistic with S(t) = 1 / (1 + (t/scale)^shape); scale (the median) in years. */
export function logLogistic(shape: number, scaleYears: number): Hazard {
  requirePositive('logLogistic', 'shape', shape);
  requirePositive('logLogistic', 'scaleYears', scaleYears);
  return {
    family: 'logLogistic',
    rate: (t) => {
      const z = (t / scaleYears) ** shape;
      return t <= 0 ? (shape === 1 ? 1 / scaleYears : shape < 1 ? Infinity : 0) : (shape * z) / (t * (1 + z));
    },
    cumulative: (t) => (t <= 0 ? 0 : Math.log1p((t / scaleYears) ** shape)),
    inverseCumulative: (h) => (h <= 0 ? 0 : scaleYears * Math.expm1(h) ** (1 / shape)),
  };
}

/**
 * Piecewise-constant hazard: `rates[i]` applies on [breaks[i], breaks[i+1]), the last rate
 * from its break onwards. `breaks[0]` must be 0 and breaks strictly increasing.
 * A rate may be Infinity (certain event on entering that piece), as a closed life table needs.
 */
export function piecewiseConstant(breaksYears: readonly number[], ratesPerYear: readonly number[]): Hazard {
  const n = breaksYears.length;
  if (n === 0 || n !== ratesPerYear.length) {
    throw new RangeError(
      `piecewiseConstant: need as many breaks as rates (at least one), got ${n} breaks and ${ratesPerYear.length} rates`,
    );
  }
  if (breaksYears[0] !== 0) throw new RangeError(`piecewiseConstant: breaks[0] must be 0, got ${breaksYears[0]}`);
  const breaks = Float64Array.from(breaksYears);
  const rates = Float64Array.from(ratesPerYear);
  // cumAtBreak[i] = H(breaks[i]); exact prefix sums so inversion is a search plus one division.
  const cumAtBreak = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rate = rates[i] as number;
    if (!(rate >= 0)) throw new RangeError(`piecewiseConstant: rates[${i}] must be ≥ 0, got ${rate}`);
    if (i > 0) {
      const width = (breaks[i] as number) - (breaks[i - 1] as number);
      if (!(width > 0)) throw new RangeError(`piecewiseConstant: breaks must increase strictly, at index ${i}`);
      const previousRate = rates[i - 1] as number;
      cumAtBreak[i] =
        previousRate === 0 ? (cumAtBreak[i - 1] as number) : (cumAtBreak[i - 1] as number) + previousRate * width;
    }
  }
  const pieceOf = (t: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((breaks[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    family: 'piecewiseConstant',
    rate: (t) => rates[pieceOf(Math.max(t, 0))] as number,
    cumulative: (t) => {
      if (t <= 0) return 0;
      const i = pieceOf(t);
      const rate = rates[i] as number;
      const into = t - (breaks[i] as number);
      return into === 0 || rate === 0 ? (cumAtBreak[i] as number) : (cumAtBreak[i] as number) + rate * into;
    },
    inverseCumulative: (h) => {
      if (h <= 0) return 0;
      // Last piece whose starting cumulative hazard is below h.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((cumAtBreak[mid] as number) < h) lo = mid;
        else hi = mid - 1;
      }
      const rate = rates[lo] as number;
      if (rate === 0) return Infinity;
      return (breaks[lo] as number) + (h - (cumAtBreak[lo] as number)) / rate;
    },
  };
}

/**
 * Background mortality from a single-year life table: `qx[x]` is the probability of dying
 * between exact ages x and x+1. The force of mortality is constant within each year of age
 * (μx = −ln(1 − qx)), which reproduces every qx exactly. The clock is attained age in years,
 * so a transition using it sets its clock offset to the age at entry. After the last row the
 * last rate continues; a last qx of 1 closes the table.
 */
export function lifeTable(qx: readonly number[]): Hazard {
  qx.forEach((q, age) => {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`lifeTable: qx[${age}] must be in [0, 1], got ${q}`);
  });
  const breaks = qx.map((_, age) => age);
  const rates = qx.map((q) => -Math.log1p(-q));
  return { ...piecewiseConstant(breaks, rates), family: 'lifeTable' };
}
