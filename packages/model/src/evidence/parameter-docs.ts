// Renders docs/parameters.md from the registry (the file is generated, never edited by hand).
import { describeDistribution, formatNumber as number, sourceText } from './describe.js';
import { DOCUMENTS, type EvidenceRecord, type Topic } from './evidence-record.js';
import { EVIDENCE } from './registry.js';

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

function row(r: EvidenceRecord): string {
  const ci = r.ci95 === undefined ? '' : ` (95% CI ${number(r.ci95.low)}–${number(r.ci95.high)})`;
  return `| \`${r.id}\` | ${cell(r.label)} | ${number(r.value)}${ci} | ${cell(r.unit)} | ${cell(describeDistribution(r.distribution))} | ${r.calibrated ? 'yes' : ''} | ${cell(sourceText(r.source, 'docs'))} |`;
}

export function renderParameterDocs(): string {
  const lines = [
    '# Parameters and evidence',
    '',
    'Generated from `packages/model/src/evidence/` by `pnpm docs:parameters`; a test fails when this file is out of date. Do not edit by hand.',
    '',
    `${EVIDENCE.filter((r) => r.role === 'parameter').length} parameters (the model reads them; a scenario may override any by id within its bounds) and ${EVIDENCE.filter((r) => r.role === 'observation').length} observations (published figures kept for calibration and validation). "Calibrated" marks parameters that calibration fits; their values here are the priors' centres. Hazards are per year, times in years unless the unit says otherwise, costs in US dollars.`,
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
        '| id | what | value | unit | PSA distribution | calibrated | source |',
        '|---|---|---|---|---|---|---|',
      );
      for (const r of records) lines.push(row(r));
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
