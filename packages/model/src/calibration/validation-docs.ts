// Renders docs/validation.md and its figure from a validation report (generated, not hand-written).

import type { CalibrationSet } from '../evidence/registry.js';
import { EXTERNAL_NOT_COMPARED, type ExternalCheck } from './external-validation.js';
import { renderPosteriorSection } from './posterior-docs.js';
import type { PosteriorRecord } from './posterior-record.js';
import type { TargetCheck, ValidationReport } from './validation-report.js';

const GROUPS: Record<number, string> = {
  1: 'Liver metastases by site (000 Table 3)',
  2: 'Liver metastases by histology (000 Table 4) and retroperitoneal LMS',
  3: 'Follow-up and overall survival (000)',
  4: 'Survival after liver metastasis (000)',
  5: 'LMS liver metastasectomy (002)',
  6: 'Metastasis timing (004) and burden of liver metastases from intra-abdominal primaries (004)',
  7: 'LMS liver metastasis without local therapy (004)',
};

/** Face validity: the consensus rules (001) and where the model implements them. */
const FACE_VALIDITY: readonly [string, string][] = [
  [
    'Oligometastatic: ≤ 5 lesions in ≤ 2 sites (rec. 1.1)',
    '`classify` in sarcoma/treatment-rules.ts; thresholds `rule.oligometastatic.*`',
  ],
  [
    'Synchronous: at diagnosis or within 6 months (rec. 2.1)',
    'scenario `synchronousRule`: `staging` (default, present at diagnosis by biology) or `window` (`rule.synchronousWindowMonths`); never for recurrences',
  ],
  [
    'Contrast CT; MRI for lesions < 1 cm (rec. 4.1–4.2)',
    'modalities `contrastCt`, `liverMri` with per-size sensitivity; false alarms resolved by liver MRI',
  ],
  [
    'Metachronous, liver-confined (or limited lung), resectable → resection (rec. 5.3–5.4, 8.1)',
    '`decideTreatment` → resection, with fitness and R0 draws',
  ],
  ['Bilobar disease needing complex hepatectomy: resection discouraged (rec. 5.5)', '`rule.bilobarComplexProbability`'],
  [
    'Synchronous disease → systemic first, resection if at least stable (rec. 8.2–8.3)',
    '`systemicThenReassess` (`rule.systemicFirst.probability`); after `rule.systemicFirst.reassessMonths` responders have shrunk, others grown at their own rate; ≥ 20% growth is progression',
  ],
  ['Re-resection when TFI > 12–18 months (rec. 9.1)', '`rule.reresection.minTfiMonths` = 15'],
  [
    'Ablation for non-surgical candidates with limited disease (rec. 10.1–10.2)',
    '`rule.ablation.*` (≤ 3 lesions, ≤ 30 mm)',
  ],
  [
    'Follow-up every 3–4 months to 2 years, 6-monthly to 5, then yearly (rec. 13.1)',
    '`consensusSchedule`; post-treatment follow-up in care-pathway.ts',
  ],
];

/** Why a target can stay outside its interval: the evidence behind the misfit. */
const ORDER_OF_METASTASES =
  "Okamoto found liver metastases as the first distant metastasis in 50–62% of the patients who had one by last follow-up (000 Tables 3–4), so many liver metastases came after lung disease. In the model too few do: its liver metastases mostly arise early, before extrahepatic disease is found, and a liver metastasis arising after lung disease is often not looked for under the registry's chest-CT follow-up. The cells hold 1–8 patients, so each miss weighs little, but together they say the model under-represents liver disease that follows lung disease.";

const MISFIT_REASONS: Readonly<Record<string, string>> = {
  'okamoto.os.2y':
    '000 reports 80.3% at 2 years but 70.0% at 5 years: about a fifth of the registry died within two years, fewer in the next three. Extrahepatic disease present at diagnosis now supplies early deaths, but one constant extrahepatic death rate cannot produce both the early and the slower later deaths.',
  'okamoto.os.5y':
    'The two overall-survival figures pull apart (see 2 years): with one extrahepatic death rate and metastasis hazards that fade only gently, matching the early deaths leaves too many deaths by 5 years. The same shortfall shows in the external comparisons below (extremity and retroperitoneal 5-year survival).',
  'okamoto.osAfterLivermet.1y':
    "Survival after a detected liver metastasis is fitted together with LMS liver metastasis without local therapy (004: median about 14 months, 5-year OS 4%) and liver metastasectomy (002: median 34.8 months). Okamoto's 36% at 1 year (all histologies, almost no resection) is shorter than 004's course; with one liver-disease death hazard for all histologies the model cannot honour both. A histology-specific death hazard, or one that depends on extrahepatic disease at detection, is the next refinement.",
  'okamoto.osAfterLivermet.2y':
    "As for 1 year: the registry's short survival after liver metastasis conflicts with the longer LMS course reported in 004, which the model also fits.",
  'delisle.liver.dfs5y':
    "The Weibull recurrence hazard, multiplied by the burden and disease-free-interval ratios, reaches 002's median DFS (13–16 months) but leaves fewer patients disease-free at 5 years than its 22%: the pooled series' tail is longer than one Weibull with a burden mix allows. The interval is an assumption (the review gives none), so the target counts half.",
  'mizoshiri.metastasisWithin3y':
    "004's 87% within 3 years comes from a small series, and its interval is an assumption; the model's fading onset hazards, with metastases present at diagnosis found at staging, put slightly more of the found metastases early.",
  'mizoshiri.metastasisWithin1y': "As for 3 years: 004's share comes from a small series with an assumed interval.",
};

/** The registry's count targets by category share one explanation: the order of metastases. */
const misfitReason = (id: string): string | undefined =>
  MISFIT_REASONS[id] ?? (/^okamoto\.(site|histology)\./.test(id) ? ORDER_OF_METASTASES : undefined);

const VERIFICATION: readonly string[] = [
  'Hazard families: inverse of the cumulative hazard, cumulative hazard as the integral of the rate, life tables reproduce every qx (engine/hazard.test.ts).',
  'Competing exponential risks: cumulative incidence per cause vs the closed form (engine/verification.test.ts).',
  'Weibull and Gompertz medians and means vs closed forms; life-table survival vs Π(1 − qx).',
  'Discounted expected time in a three-state Markov model vs the closed form; one-off rewards discounted exactly.',
  'A hazard ratio changed mid-history, Kaplan–Meier with staggered censoring and from a marked origin, a discrete-time model as a periodic event.',
  'Reproducibility: bitwise-identical results for any blocking, 1–3 workers, the main thread and module Workers in Chromium.',
  'Common random numbers: strategies without effective imaging give identical histories; lead-time bias shown with ineffective treatment.',
];

function externalRow(check: ExternalCheck): string {
  const c = check.comparison;
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const interval = c.low === undefined || c.high === undefined ? '' : ` (${pct(c.low)}–${pct(c.high)})`;
  const mcse = Number.isFinite(check.mcse) ? ` ± ${pct(check.mcse)}` : '';
  return `| ${c.label} | ${pct(c.observed)}${interval} | ${pct(check.simulated)}${mcse} | ${check.inside ? 'yes' : '**no**'} | ${c.independence} | ${c.citation}${c.caveat === undefined ? '' : `; ${c.caveat}`} |`;
}

function externalSection(report: ValidationReport, external: readonly ExternalCheck[]): string[] {
  const inside = external.filter((c) => c.inside).length;
  return [
    '## External validation',
    '',
    `Published series (independent ones, not cited in the five documents, and others cited there whose figures were not fitted) and two document figures held out of the fit (002 Table 4), against the calibrated model run on cohorts built like theirs (${report.sizes.registryPatients.toLocaleString('en-US')} patients each, 20 years, US life table; ± is the SD over 3 replications with other seeds). Where a series' figure informed a prior (TARPSWG local recurrence, Biau 2012 grade effects), it is not used here. **${inside} of ${external.length}** lie inside the published interval or range; the misses are reported, not tuned away. Cohorts: all sites = Okamoto's mix with contrast CT for RP/LMS; extremity = the extremity rows of that mix under chest CT (or under contrast CT of chest and abdomen for King 2009); retroperitoneal = the retroperitoneal rows under contrast CT; LMS = the LMS rows under contrast CT.`,
    '',
    '| quantity | published | model ± MCSE | inside | independence | source; caveat |',
    '|---|---|---|---|---|---|',
    ...external.map(externalRow),
    '',
    'Considered and not compared:',
    '',
    ...EXTERNAL_NOT_COMPARED.map((line) => `- ${line}`),
    '',
  ];
}

function misfitSection(report: ValidationReport): string[] {
  const outside = report.targets.filter((t) => !t.inside);
  if (outside.length === 0) return [];
  return [
    '### Targets outside their 95% interval, and why',
    '',
    ...outside.map(
      (t) =>
        `- **${t.label}** (${t.source}): ${misfitReason(t.id) ?? 'no specific explanation recorded; see the fitted parameters.'}`,
    ),
    '',
  ];
}

function format(value: number, unit: 'proportion' | 'months'): string {
  if (!Number.isFinite(value)) return '–';
  return unit === 'months' ? value.toFixed(1) : `${(100 * value).toFixed(1)}%`;
}

function targetRow(t: TargetCheck): string {
  const mcse = Number.isFinite(t.mcse) ? ` ± ${format(t.mcse, t.unit)}` : '';
  const interval = t.interval === undefined ? '' : ` (interval ${t.interval})`;
  return `| ${t.label} | ${format(t.observed, t.unit)} (${format(t.low, t.unit)}–${format(t.high, t.unit)}) | ${format(t.simulated, t.unit)}${mcse} | ${t.inside ? 'yes' : '**no**'} | ${t.negativeLogLikelihood.toFixed(2)} | ${t.source}${interval} |`;
}

/**
 * docs/validation.md: the calibration posterior (`calibrationHash` is its set's hash), the
 * report at the posterior mean, and the external comparisons (`externalValidation`).
 */
export function renderValidationMarkdown(
  report: ValidationReport,
  posterior: PosteriorRecord,
  calibration: CalibrationSet,
  calibrationHash: string,
  external: readonly ExternalCheck[],
): string {
  const lines = [
    '# Validation report',
    '',
    'Generated by `pnpm docs:validation` from the committed calibration posterior (`pnpm calibrate` samples it); do not edit by hand. Organised by the ISPOR-SMDM Modeling Good Research Practices Task Force 7 validation types.',
    '',
    ...renderPosteriorSection(posterior, calibration, calibrationHash),
    '## Calibration targets at the posterior mean',
    '',
    "Each evaluation's experiments run in blocks in the worker pool; the results do not depend on the number of workers.",
    '',
    "**The likelihood counts each registry patient once per table.** Okamoto's cumulative counts (at presentation ⊂ as first metastasis ⊂ by last follow-up) enter as three conditional binomials: at presentation among all patients of a group; later as first distant metastasis among those not found at presentation; after other metastases among those not found as first metastasis. Their product is the multinomial over four mutually exclusive categories. Table 3 (site) and Table 4 (histology) describe the same 658 patients, so each table, and the retroperitoneal-LMS count within both, enters at half weight. The replica's loss to follow-up is fitted to the registry's median follow-up (35 months: half the patients still observed then). Each literature figure is simulated by a cohort built like the population it describes (experiments.ts). Targets whose interval is an assumption (the document gives none) count half.",
    '',
    `At the posterior mean (the values deterministic runs use), **${report.targetsInside} of ${report.targets.length} targets** lie inside their observed 95% interval. Simulated values are from the committed seed; ± is the Monte Carlo SE, the SD over ${report.replications} replications with other seeds. Median follow-up in the registry replica: ${report.medianFollowUpMonths.toFixed(1)} months (000: 35).`,
    '',
    '![Targets: simulated value within each 95% interval](validation-targets.svg)',
    '',
  ];
  for (const [group, title] of Object.entries(GROUPS)) {
    lines.push(
      `### ${group}. ${title}`,
      '',
      '| target | observed (95% interval) | simulated ± MCSE | inside | −log L | source |',
      '|---|---|---|---|---|---|',
    );
    for (const t of report.targets.filter((x) => x.group === Number(group))) lines.push(targetRow(t));
    lines.push('');
  }
  lines.push(
    ...misfitSection(report),
    '## Face validity',
    '',
    'The model structure against the consensus rules (001); see docs/model.md for the state diagram.',
    '',
    '| consensus rule | in the model |',
    '|---|---|',
    ...FACE_VALIDITY.map(([rule, where]) => `| ${rule} | ${where} |`),
    '',
    '## Verification (internal validity)',
    '',
    'Run on every CI build (`pnpm test`); each statistical check allows 4 Monte Carlo SEs:',
    '',
    ...VERIFICATION.map((v) => `- ${v}`),
    '',
    '## Cross-validation',
    '',
    'Not done. No other liver-metastasis model for STS was found to compare against. Published STS surveillance CEAs cover chest imaging only (Royce 2017; Bae 2020, EXTERNAL-EVIDENCE), so their ICERs answer a different question than the abdominal-imaging strategies compared here.',
    '',
    ...externalSection(report, external),
    '## Predictive validation',
    '',
    'Not done: no prospective data on imaging-surveillance outcomes for STS liver metastases exist in the documents.',
    '',
  );
  return `${lines.join('\n')}`;
}

/** Each target's observed 95% interval scaled to [0, 1], with the simulated value (± 2 MCSE) on that scale. */
export function renderTargetsSvg(report: ValidationReport): string {
  const rowHeight = 18;
  const labelWidth = 430;
  const plotWidth = 300;
  const top = 30;
  const height = top + rowHeight * report.targets.length + 30;
  const x = (position: number) => labelWidth + plotWidth * ((Math.max(-0.5, Math.min(1.5, position)) + 0.5) / 2);
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = report.targets.map((t, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const width = t.high - t.low;
    const at = (v: number) => (width > 0 ? (v - t.low) / width : 0.5);
    const sim = at(t.simulated);
    const colour = t.inside ? '#1b7837' : '#b2182b';
    const errorBar = Number.isFinite(t.mcse)
      ? `<line x1="${x(at(t.simulated - 2 * t.mcse)).toFixed(1)}" x2="${x(at(t.simulated + 2 * t.mcse)).toFixed(1)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="1"/>`
      : '';
    const marker = Number.isFinite(sim) ? `<circle cx="${x(sim).toFixed(1)}" cy="${y}" r="3.5" fill="${colour}"/>` : '';
    return [
      `<text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end" font-size="11">${escapeXml(t.label)}</text>`,
      `<line x1="${x(0)}" x2="${x(1)}" y1="${y}" y2="${y}" stroke="#bbbbbb" stroke-width="6"/>`,
      `<line x1="${x(at(t.observed)).toFixed(1)}" x2="${x(at(t.observed)).toFixed(1)}" y1="${y - 5}" y2="${y + 5}" stroke="#444444" stroke-width="2"/>`,
      errorBar,
      marker,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${labelWidth + plotWidth + 20}" height="${height}" font-family="sans-serif">`,
    '<title>Calibration targets: simulated values against the observed 95% intervals</title>',
    `<text x="10" y="16" font-size="12">Grey: observed 95% interval (tick: observed value); dot: simulated ± 2 MCSE (green inside, red outside)</text>`,
    ...rows,
    `<text x="${x(0)}" y="${height - 10}" font-size="10" text-anchor="middle">low</text>`,
    `<text x="${x(1)}" y="${height - 10}" font-size="10" text-anchor="middle">high</text>`,
    '</svg>',
    '',
  ].join('\n');
}
