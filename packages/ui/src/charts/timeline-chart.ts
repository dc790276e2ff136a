// A strategy's scans over time: one dot per scheduled scan, for eligible patients and others.
import * as Plot from '@observablehq/plot';
import { MODALITY_LABELS, type Modality } from '@sarcsim/model/sarcoma';
import type { SegmentDraft } from '../state/scenario-draft.js';

function scanTimes(segments: readonly SegmentDraft[], group: string) {
  const scans: { months: number; modality: string; group: string }[] = [];
  for (const s of segments) {
    if (!(s.intervalMonths > 0) || !(s.toMonths > s.fromMonths)) continue;
    for (let t = s.fromMonths; t < s.toMonths && scans.length < 500; t += s.intervalMonths) {
      scans.push({ months: t, modality: MODALITY_LABELS[s.modality as Modality] ?? s.modality, group });
    }
  }
  return scans;
}

export function timelineChart(schedule: readonly SegmentDraft[], otherwise: readonly SegmentDraft[]) {
  const data = [...scanTimes(schedule, 'eligible patients'), ...scanTimes(otherwise, 'everyone else')];
  return Plot.plot({
    width: 560,
    height: 130,
    marginLeft: 110,
    x: { label: 'Months from diagnosis', domain: [0, Math.max(12, ...data.map((d) => d.months + 1))] },
    y: { label: null, domain: ['eligible patients', 'everyone else'] },
    color: { legend: true, range: ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] },
    marks: [Plot.tickX(data, { x: 'months', y: 'group', stroke: 'modality', strokeWidth: 2 })],
  });
}
