// Renders docs/parameters.md from the registry and a calibration set (the committed posterior):
// each calibrated parameter's prior beside its posterior (generated, never edited by hand).

import { drawSummary } from './calibration-draws.js';
import { describeDistribution, formatNumber as number, sourceText } from './describe.js';
import { DOCUMENTS, type EvidenceRecord, type Topic } from './evidence-record.js';
import { type CalibrationSet, EVIDENCE } from './registry.js';

const TOPIC_ORDER: readonly Topic[] = [
  'cohort',
  'natural history',
  'liver disease growth',
  'imaging',
  'treatment rules',
  'treatment outcomes',
  'costs',
  'utilities',
  'registry observations',
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function posteriorCell(r: EvidenceRecord, calibration: CalibrationSet): string {
  const s = drawSummary(calibration, r.id);
  if (s !== undefined) return `**${number(s.mean)}** (${number(s.low)}–${number(s.high)})`;
  const fitted = calibration.values[r.id];
  return fitted === undefined ? (r.calibrated ? 'not fitted: prior' : '') : number(fitted);
}

function row(r: EvidenceRecord, calibration: CalibrationSet): string {
  const ci = r.ci95 === undefined ? '' : ` (95% CI ${number(r.ci95.low)}–${number(r.ci95.high)})`;
  return `| \`${r.id}\` | ${cell(r.label)} | ${number(r.value)}${ci} | ${cell(r.unit)} | ${cell(describeDistribution(r.distribution))} | ${r.calibrated ? posteriorCell(r, calibration) : ''} | ${cell(sourceText(r.source, 'docs'))} |`;
}

export function renderParameterDocs(calibration: CalibrationSet): string {
  const lines = [
    '# Parameters and evidence',
    '',
    'Generated from `packages/model/src/evidence/` by `pnpm docs:parameters`; a test fails when this file is out of date. Do not edit by hand.',
    '',
    `${EVIDENCE.filter((r) => r.role === 'parameter').length} parameters (the model reads them; a scenario may override any by id within its bounds) and ${EVIDENCE.filter((r) => r.role === 'observation').length} observations (published figures kept for calibration and validation). For a calibrated parameter, "value" and "PSA distribution" are its prior; the calibration column gives its posterior in calibration set \`${calibration.name}\` (mean of the committed draws, in bold, which deterministic runs use; central 95% of the draws), which PSA samples jointly as one posterior draw per PSA draw (docs/validation.md has the diagnostics). Hazards are per year, times in years unless the unit says otherwise, costs in US dollars.`,
    '',
    'Documents:',
    '',
    ...Object.entries(DOCUMENTS).map(([id, d]) => `- **${id}** \`${d.file}\`: ${d.citation}`),
    '',
  ];
  for (const topic of TOPIC_ORDER) {
    for (const role of ['parameter', 'observation'] as const) {
      const records = EVIDENCE.filter((r) => r.topic === topic && r.role === role);
      if (records.length === 0) continue;
      lines.push(
        `## ${topic[0]?.toUpperCase()}${topic.slice(1)}${role === 'observation' ? ' (observations)' : ''}`,
        '',
      );
      lines.push(
        '| id | what | value (prior centre if calibrated) | unit | PSA distribution (prior if calibrated) | calibrated: posterior mean (95%) | source |',
        '|---|---|---|---|---|---|---|',
      );
      for (const r of records) lines.push(row(r, calibration));
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
