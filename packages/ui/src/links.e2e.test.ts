// A link can never crash a view: 1,000 generated scenario links (valid, invalid and hostile)
// opened one after another in one Chromium page, each followed by a click on every tab. Every
// link must leave a scenario that renders and can run, say whether it loaded or what was wrong,
// and raise no console error or uncaught error. Links are generated with a fixed seed, so a
// failure reproduces.
import { EVIDENCE_BY_ID, NAMED_STRATEGIES, PARAMETER_IDS } from '@sarcsim/model/sarcoma';
import { MAX_STRATEGIES, parseJsonText, parseScenario } from '@sarcsim/model/scenario';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkFor, linkForText, openApp, siteOfFile } from './testing/e2e-harness.test-util.js';

const SEED = 20_261_201;
const MAX_SHARED_CHARS = 16_000; // share-url.ts: longer payloads are refused
const site = siteOfFile('links', false); // the one test checks page errors after every link itself

const segment = fc.record({
  fromMonths: fc.constant(0),
  toMonths: fc.integer({ min: 6, max: 120 }),
  intervalMonths: fc.integer({ min: 1, max: 12 }),
  modality: fc.constantFrom('contrastCt', 'nonContrastCt', 'liverMri', 'chestCt'),
});
const custom = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
  label: fc.string({ minLength: 1, maxLength: 60 }),
  eligibility: fc.constantFrom('all', 'lms', 'retroperitoneal', 'retroperitonealOrLms'),
  schedule: fc.array(segment, { minLength: 1, maxLength: 1 }),
});
const parameterValue = fc.constantFrom(...PARAMETER_IDS).chain((id) => {
  const bounds = EVIDENCE_BY_ID.get(id)?.bounds ?? { min: 0, max: 1 };
  return fc.tuple(fc.constant(id), fc.double({ min: bounds.min, max: bounds.max, noNaN: true }));
});

/** Scenarios made of valid values (some still invalid together, e.g. duplicate ids: the app must say so). */
const plausible = fc.record(
  {
    patients: fc.integer({ min: 1, max: 100_000_000 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    strategies: fc.array(fc.oneof(fc.constantFrom(...NAMED_STRATEGIES.map((s) => s.id)), custom), {
      minLength: 1,
      maxLength: MAX_STRATEGIES,
    }),
    parameters: fc.array(parameterValue, { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
    lifeTable: fc.constantFrom('us-2022', 'japan-2020'),
    horizonYears: fc.integer({ min: 1, max: 100 }),
    discountRates: fc.record({ costs: fc.double({ min: 0, max: 0.2, noNaN: true }), effects: fc.constant(0.03) }),
    treatmentEffect: fc.constantFrom('modelled', 'none'),
    synchronousRule: fc.constantFrom('staging', 'window'),
    economics: fc.record(
      {
        willingnessToPay: fc.integer({ min: 0, max: 500_000 }),
        psa: fc.record({ draws: fc.integer({ min: 1, max: 2_000 }) }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const garbage = fc.oneof(
  fc.constantFrom(null, 0, -1, 5, 1.5, 'x', '', true, [], {}, [null], { draws: null }, 'sarcoma', 1e300),
  fc.jsonValue({ maxDepth: 3 }),
);
const fieldNames = [
  'model',
  'patients',
  'seed',
  'blockSize',
  'strategies',
  'parameters',
  'lifeTable',
  'horizonYears',
  'discountRates',
  'treatmentEffect',
  'synchronousRule',
  'economics',
];
/** A plausible scenario with one to three fields (or nested fields) replaced by garbage. */
const invalid = fc
  .tuple(plausible, fc.array(fc.tuple(fc.constantFrom(...fieldNames), garbage), { minLength: 1, maxLength: 3 }))
  .map(([base, edits]) => {
    const s: Record<string, unknown> = { ...base };
    for (const [field, value] of edits) s[field] = value;
    return s;
  });

const html = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom<unknown>(
    { economics: { willingnessToPay: 50_000 } },
    { strategies: 5 },
    { economics: null },
    { parameters: null },
    { discountRates: null },
    { strategies: [null] },
    { strategies: ['chest-only', null] },
    { model: 'illness-death-example' },
    { model: 'nonsense' },
    { __proto__: { polluted: 1 }, patients: 10 },
    JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'),
    {
      strategies: [
        {
          id: 'xss',
          label: html,
          eligibility: 'all',
          schedule: [{ fromMonths: 0, toMonths: 12, intervalMonths: 6, modality: 'chestCt' }],
        },
      ],
    },
    { strategies: ['chest-only', 'chest-only'] },
    { parameters: { 'no.such.parameter': 1 } },
    { parameters: { toString: 1 } },
    { economics: { psa: { evppiGroups: { g: ['nope'] } } } },
  ),
  fc
    .string({ maxLength: 200 })
    .map((label) => ({ strategies: [{ id: 'a', label, eligibility: 'all', schedule: [] }] })),
);

/** Fragments that are not a well-formed deflated scenario at all. */
const hostileText: string[] = [
  '#s=',
  '#s=!!!not-base64!!!',
  '#s=%3Cscript%3E',
  `#s=${'A'.repeat(MAX_SHARED_CHARS + 10)}`,
  `#s=${Buffer.from('not deflate at all').toString('base64url')}`,
  linkForText('['.repeat(100_000)), // deeper than the JSON reader allows
  linkForText(' '.repeat(300_000)), // a decompression bomb in miniature (beyond the size limit)
  linkForText('{"patients": 1000,'), // truncated JSON
  linkForText('{"patients": NaN}'),
  linkFor({ patients: 1000 }).slice(0, 12), // a truncated stream
  '#something-else',
];

interface Link {
  readonly hash: string;
  /** Whether the app should load it as it is (else it must say what was wrong). */
  readonly loads: boolean | 'ignored';
}

function expectation(hash: string, value: unknown, text: string): Link {
  if (hash.length - 3 > MAX_SHARED_CHARS) return { hash, loads: false };
  try {
    parseJsonText(text);
    const s = parseScenario(value);
    return { hash, loads: s.model === 'sarcoma' };
  } catch {
    return { hash, loads: false };
  }
}

function generateLinks(): Link[] {
  const values = [
    ...fc.sample(plausible, { seed: SEED, numRuns: 420 }),
    ...fc.sample(invalid, { seed: SEED + 1, numRuns: 420 }),
    ...fc.sample(hostileJson, { seed: SEED + 2, numRuns: 330 }),
  ];
  const links = values.map((v) => {
    const text = JSON.stringify(v) ?? 'null';
    const hash = linkForText(text);
    return expectation(hash, JSON.parse(text), text);
  });
  for (const hash of hostileText) links.push({ hash, loads: hash.startsWith('#s=') ? false : 'ignored' });
  // Each link must differ from the one before it, or the browser sees no change of address.
  return links.filter((l, i) => links.findIndex((m) => m.hash === l.hash) === i);
}

describe('scenario links in Chromium', () => {
  it('opens 1,000 generated links and clicks through every tab without an error', async () => {
    const links = generateLinks();
    expect(links.length).toBeGreaterThanOrEqual(1_000);
    expect(links.filter((l) => l.loads === true).length).toBeGreaterThan(100);
    expect(links.filter((l) => l.loads === false).length).toBeGreaterThan(400);
    const page = await openApp(site);
    const failures = await page.evaluate(async (all: Link[]) => {
      type Updating = Element & { updateComplete?: Promise<unknown> };
      const app = document.querySelector('sarcsim-app') as Updating & HTMLElement;
      const root = app.shadowRoot as ShadowRoot;
      const problems: string[] = [];
      let current = -1;
      window.addEventListener('error', (e) => problems.push(`link ${current}: ${e.message}`));
      window.addEventListener('unhandledrejection', (e) => problems.push(`link ${current}: ${String(e.reason)}`));
      /** Every Lit element under `node`, through shadow roots. */
      const elements = (node: ParentNode): Updating[] =>
        Array.from(node.querySelectorAll('*')).flatMap((el) => [
          ...((el as Updating).updateComplete === undefined ? [] : [el as Updating]),
          ...(el.shadowRoot === null ? [] : elements(el.shadowRoot)),
        ]);
      const settle = async () => {
        for (let pass = 0; pass < 3; pass++) {
          await app.updateComplete;
          await Promise.all(elements(root).map((el) => el.updateComplete));
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
      };
      for (const [i, link] of all.entries()) {
        current = i;
        const opened = Number(app.dataset.linksOpened ?? '0');
        location.hash = link.hash;
        for (let wait = 0; Number(app.dataset.linksOpened ?? '0') <= opened; wait++) {
          if (wait > 2_000) {
            problems.push(`link ${i}: never opened`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        await settle();
        const banner = root.querySelector('[data-testid="banner"]')?.textContent ?? '';
        if (link.loads === true && !banner.includes('Scenario loaded from the link'))
          problems.push(`link ${i}: valid but the banner says "${banner.slice(0, 200)}"`);
        if (link.loads === false && !/problem|Could not open/.test(banner))
          problems.push(`link ${i}: invalid but the banner says "${banner.slice(0, 200)}"`);
        for (const tab of Array.from(root.querySelectorAll<HTMLElement>('[role="tab"]'))) {
          tab.click();
          await settle();
          const panel = root.querySelector('main');
          const shown = Array.from(panel?.children ?? []).filter((el) => (el.shadowRoot?.childElementCount ?? 1) > 0);
          if (shown.length === 0) problems.push(`link ${i}: tab ${tab.textContent} shows nothing`);
          if (tab.textContent === 'Run & results') {
            const run = root
              .querySelector('run-panel')
              ?.shadowRoot?.querySelector('estimated-run-button')
              ?.shadowRoot?.querySelector('button[data-testid="run"]') as HTMLButtonElement | null | undefined;
            if (run === null || run === undefined || run.disabled)
              problems.push(`link ${i}: the scenario it left cannot run`);
          }
        }
        if ((window as unknown as { __pwned?: number }).__pwned !== undefined) problems.push(`link ${i}: script ran`);
      }
      return problems;
    }, links);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(site.errors).toEqual([]);
    await page.close();
  }, 900_000);
});
