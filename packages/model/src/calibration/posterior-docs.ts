// The calibration posterior's part of docs/validation.md: how it was sampled, its effective
// sample size, each parameter's prior against its posterior, the strongest correlations and
// each target's posterior-predictive interval against the observed value.
import { drawSummary } from '../evidence/calibration-draws.js';
import { isContinuous, quantile } from '../evidence/distribution-functions.js';
import { type CalibrationSet, EVIDENCE_BY_ID } from '../evidence/registry.js';
import type { PosteriorRecord } from './posterior-record.js';
import { TARGETS } from './targets.js';

const sig = (v: number, digits = 3) => (Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : '–');

function formatTarget(value: number, unit: 'proportion' | 'months'): string {
  if (!Number.isFinite(value)) return '–';
  return unit === 'months' ? value.toFixed(1) : `${(100 * value).toFixed(1)}%`;
}

/** Pairs of parameters whose normal scores correlate at |r| ≥ this are listed. */
const CORRELATION_SHOWN = 0.3;
const CORRELATIONS_LISTED = 15;

/** `calibration` is the set made of `posterior` (calibrationSetOf); its draws give the parameter summaries. */
export function renderPosteriorSection(
  posterior: PosteriorRecord,
  calibration: CalibrationSet,
  hash: string,
): string[] {
  const p = posterior.provenance;
  const d = posterior.diagnostics;
  const ids = posterior.parameterIds;
  const pairs: { a: string; b: string; r: number }[] = [];
  ids.forEach((a, i) => {
    ids.forEach((b, k) => {
      const r = d.scoreCorrelations[i]?.[k] ?? Number.NaN;
      if (k > i && Math.abs(r) >= CORRELATION_SHOWN) pairs.push({ a, b, r });
    });
  });
  pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
  const parameterRows = ids.map((id) => {
    const record = EVIDENCE_BY_ID.get(id);
    const s = drawSummary(calibration, id) ?? {
      mean: Number.NaN,
      median: Number.NaN,
      low: Number.NaN,
      high: Number.NaN,
    };
    const prior = record?.distribution;
    const priorText =
      prior !== undefined && isContinuous(prior)
        ? `${sig(quantile(prior, 0.5))} (${sig(quantile(prior, 0.025))}–${sig(quantile(prior, 0.975))})`
        : '–';
    return `| \`${id}\` ${record?.label ?? ''} | ${priorText} | **${sig(s.mean, 4)}** | ${sig(s.median)} (${sig(s.low)}–${sig(s.high)}) | ${record?.unit ?? ''} |`;
  });
  const targetRows = d.targets.map((t) => {
    const target = TARGETS.find((x) => x.id === t.id);
    const unit = target?.unit ?? 'proportion';
    const missing =
      t.missingWeight > 0.001 ? ` (no value at ${(100 * t.missingWeight).toFixed(1)}% of the weight)` : '';
    return `| ${target?.label ?? t.id} | ${formatTarget(t.observed, unit)} | ${formatTarget(t.predictiveLow, unit)}–${formatTarget(t.predictiveHigh, unit)} | ${t.inside ? 'yes' : '**no**'} | ${formatTarget(t.simulatedLow, unit)}–${formatTarget(t.simulatedHigh, unit)}${missing} |`;
  });
  return [
    '## Calibration posterior',
    '',
    `Calibration set **\`${posterior.name}\`** (hash \`${hash.slice(0, 16)}…\`, part of every run's scenario hash and every PSA part's manifest). Sampled by ${p.method}: the registry's distributions are the priors (truncated to each record's bounds), the likelihood is exp(−objective) with the targets' weighted negative log-likelihoods described below, and each parameter is sampled on its prior normal score, Φ⁻¹(prior CDF), where every prior is a standard normal. ${p.priorDraws} prior draws, a Nelder–Mead optimisation stage with a diagonal-Hessian Gaussian at its optimum, then ${p.iterations} IMIS iterations of ${p.batch} draws each; every point is weighted by prior × likelihood / mixture, so the weights are exact importance weights whatever the proposals. Common random numbers: seed ${p.seed}, ${p.registryPatients.toLocaleString('en-US')} patients in the registry replica and ${p.cohortPatients.toLocaleString('en-US')} in each literature cohort for every point, so the likelihood is a deterministic function of the parameters. ${p.evaluations.toLocaleString('en-US')} likelihood evaluations (${p.points.toLocaleString('en-US')} weighted points), ${(p.seconds / 60).toFixed(1)} minutes on ${p.workers} workers of a shared 2-core machine (sarcsim ${p.version}, ${p.date}).`,
    '',
    `**Effective sample size ${d.effectiveSampleSize.toFixed(1)}** (Kish, of the importance weights; largest weight ${(100 * d.maxWeight).toFixed(1)}%). The committed posterior keeps ${posterior.draws.length.toLocaleString('en-US')} equally weighted draws resampled systematically from the weighted points (${d.distinctDraws} distinct). An ESS this size gives posterior means to about ±${(1.96 / Math.sqrt(Math.max(1, d.effectiveSampleSize))).toFixed(2)} posterior SDs (95%) and coarser tails: the intervals below are Monte Carlo estimates; more IMIS iterations (\`pnpm calibrate --iterations\`) sharpen them.`,
    '',
    '**Deterministic runs use the posterior mean** of the committed draws (the values below in bold); PSA draws all calibrated parameters jointly as one posterior draw per PSA draw (`calibratedParameters: "posterior"`, the default), or holds them at the mean (`"fixed"`); DSA sweeps their posterior 95% intervals.',
    '',
    '### Posterior against prior',
    '',
    'Posterior summaries are of the committed draws (what runs use): mean, median and central 95%.',
    '',
    '| parameter | prior median (95% interval) | posterior mean | posterior median (95% interval) | unit |',
    '|---|---|---|---|---|',
    ...parameterRows,
    '',
    '### Posterior correlations',
    '',
    pairs.length === 0
      ? `No pair of parameters has a posterior correlation of its normal scores of |r| ≥ ${CORRELATION_SHOWN}.`
      : `Weighted correlations of the normal scores (the prior-quantile scale), pairs with |r| ≥ ${CORRELATION_SHOWN}, strongest first${pairs.length > CORRELATIONS_LISTED ? ` (${CORRELATIONS_LISTED} of ${pairs.length})` : ''}; the priors are independent, so each comes from the targets:`,
    '',
    ...(pairs.length === 0
      ? []
      : [
          '| parameter | parameter | r |',
          '|---|---|---|',
          ...pairs.slice(0, CORRELATIONS_LISTED).map((x) => `| \`${x.a}\` | \`${x.b}\` | ${x.r.toFixed(2)} |`),
          '',
        ]),
    '### Posterior-predictive check',
    '',
    `**${d.targetsInside} of ${d.targets.length} observed values** lie inside their 95% posterior-predictive interval: for each posterior draw, the target's simulated statistic plus a replicate observation drawn from the target's likelihood as the objective weights it (a binomial of round(weight × n) trials, or σ/√weight on the logit or log scale). The last column is the simulated statistic alone (parameter uncertainty only).`,
    '',
    '| target | observed | 95% posterior-predictive interval | inside | simulated statistic, 95% |',
    '|---|---|---|---|---|',
    ...targetRows,
    '',
  ];
}
