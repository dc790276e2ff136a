// The cloud of an exploration's candidates on the cost-effectiveness plane: each candidate's
// last estimate (fresh when it was re-evaluated) of Δcost and ΔQALYs against the comparator,
// coloured by status, with the fresh frontier drawn as a line through its points. Hovering a
// point shows its details (Plot's tip); clicking it selects it.
import * as Plot from '@observablehq/plot';
import type { CandidateRow, ExploreResult } from '@sarcsim/model/analyses';
import { lastEstimate } from '../state/exploration.js';

export const STATUSES = ['dropped', 'survivor', 'final', 'frontier'] as const;
const STATUS_COLOURS = ['#999999', '#56B4E9', '#E69F00', '#D55E00'];

const money = (v: number) => Math.round(v).toLocaleString('en-US');
const qalys = (v: number) => v.toFixed(4);

/** One point per candidate, drawn from dropped to frontier so the interesting ones lie on top. */
export function cloudPoints(result: ExploreResult) {
  const order = (r: CandidateRow) => STATUSES.indexOf(r.status);
  return [...result.rows]
    .sort((a, b) => order(a) - order(b))
    .map((r) => {
      const e = lastEstimate(r);
      return {
        id: r.id,
        label: r.label,
        status: r.status,
        dq: e.deltaQalys.mean,
        dc: e.deltaCost.mean,
        patients: e.patients,
        cost: `${money(e.cost.mean)} ± ${money(e.cost.mcse)}`,
        qalys: `${qalys(e.qalys.mean)} ± ${qalys(e.qalys.mcse)}`,
        estimate: r.fresh === null ? 'selection stage' : 'fresh',
      };
    });
}

export type CloudPoint = ReturnType<typeof cloudPoints>[number];

/** The chart; `onSelect` gets the candidate under the pointer when the chart is clicked. */
export function exploreCloudChart(result: ExploreResult, onSelect: (id: string) => void) {
  const points = cloudPoints(result);
  const frontier = result.frontier.map((f) => ({
    id: f.id,
    dq: f.estimate.deltaQalys.mean,
    dc: f.estimate.deltaCost.mean,
  }));
  const vs = result.comparator.label;
  const chart = Plot.plot({
    width: 720,
    height: 440,
    marginLeft: 64,
    x: { label: `ΔQALYs vs ${vs}`, grid: true },
    y: { label: `Δcost vs ${vs} (${result.currency})`, grid: true },
    color: { domain: [...STATUSES], range: STATUS_COLOURS, legend: true },
    marks: [
      Plot.ruleX([0], { stroke: '#bbb' }),
      Plot.ruleY([0], { stroke: '#bbb' }),
      Plot.line(frontier, { x: 'dq', y: 'dc', stroke: '#000', strokeWidth: 1.5 }),
      Plot.dot(points, {
        x: 'dq',
        y: 'dc',
        fill: 'status',
        r: 3,
        ariaDescription: 'candidates',
        ariaLabel: 'label',
        channels: {
          candidate: { value: 'label', label: 'Candidate' },
          id: { value: 'id', label: 'Id' },
          patients: { value: 'patients', label: 'N' },
          cost: { value: 'cost', label: 'Cost ± MCSE' },
          qalys: { value: 'qalys', label: 'QALYs ± MCSE' },
          estimate: { value: 'estimate', label: 'Estimate' },
        },
        tip: { format: { x: (v: number) => v.toFixed(4), y: (v: number) => money(v), fill: true } },
      }),
      Plot.dot(frontier, { x: 'dq', y: 'dc', r: 6, stroke: '#000', strokeWidth: 1.5, ariaDescription: 'frontier' }),
      Plot.dot([{ dq: 0, dc: 0 }], {
        x: 'dq',
        y: 'dc',
        symbol: 'square',
        r: 5,
        fill: '#000',
        ariaDescription: 'comparator',
      }),
    ],
  });
  const plot = chart as Element & { value?: CloudPoint | null };
  chart.addEventListener('click', () => {
    if (plot.value?.id !== undefined) onSelect(plot.value.id);
  });
  return chart;
}
