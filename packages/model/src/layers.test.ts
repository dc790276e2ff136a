// The layers of docs/architecture.md are a lint rule (biome.json: noRestrictedImports per
// folder), so `pnpm lint` fails on an import against the flow. This test writes deliberate
// violations (and allowed imports) beside real code and shows that the linter refuses
// exactly the violations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/** [folder of the importing file, import specifier] */
const VIOLATIONS: readonly (readonly [string, string])[] = [
  ['packages/model/src/evidence/records', '../../sarcoma/surveillance-strategy.js'],
  ['packages/model/src/evidence', '../calibration/calibrated-parameters.js'],
  ['packages/model/src/economics', '../scenario/scenario.js'],
  ['packages/model/src/economics', '../analyses/psa.js'],
  ['packages/model/src/engine', '../sarcoma/sarcoma-model.js'],
  ['packages/model/src/domain', '../evidence/registry.js'],
  ['packages/model/src/sarcoma', '../calibration/experiments.js'],
  ['packages/model/src/calibration', '../scenario/scenario.js'],
  ['packages/model/src/scenario', '../analyses/dsa.js'],
  ['packages/model/src/engine', '@sarcsim/worker'],
  ['packages/worker/src/runtime', '../pool/pool.js'],
  ['packages/worker/src/pool', '../cli/io.js'],
  ['packages/worker/src/csv', '../analyses/pool-evaluate.js'],
  ['packages/ui/src/components', '@sarcsim/model'],
  ['packages/ui/src/state', '@sarcsim/model/docs'],
  ['packages/ui/src/state', '../components/help-note.js'],
  // The barrels and entry files carry every layer, so they are refused too.
  ['packages/model/src/evidence', '../index.js'],
  ['packages/model/src/engine', '../index.js'],
  ['packages/model/src/evidence', '@sarcsim/model/scenario'],
  ['packages/worker/src/runtime', '../index.js'],
  ['packages/worker/src/pool', '../cli.js'],
  ['packages/ui/src/state', '@sarcsim/worker'],
  ['packages/ui/src/state', '@sarcsim/model/entries/engine.js'],
];

const ALLOWED: readonly (readonly [string, string])[] = [
  ['packages/model/src/evidence/records', '../../domain/categories.js'],
  ['packages/model/src/sarcoma', '../evidence/registry.js'],
  ['packages/model/src/scenario', '../calibration/committed-calibration.js'],
  ['packages/model/src/scenario', '../economics/strategy-economics.js'],
  ['packages/model/src/analyses', '../scenario/scenario.js'],
  ['packages/worker/src/cli', '../analyses/analyses-on-pool.js'],
  ['packages/ui/src/components', '@sarcsim/model/scenario'],
];

const written: string[] = [];
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

/** Writes one file per case (in a fresh folder inside the layer's folder) and lints them all at once. */
function lint(cases: readonly (readonly [string, string])[]): {
  files: string[];
  output: string;
  status: number | null;
} {
  const files = cases.map(([folder, specifier], i) => {
    // the file sits one folder below `folder`, so relative specifiers gain a `../`
    const dir = mkdtempSync(join(root, folder, 'zz-layer-check-'));
    written.push(dir);
    const file = join(dir, `case-${i}.ts`);
    writeFileSync(
      file,
      `import { x } from '${specifier.startsWith('.') ? `../${specifier}` : specifier}';\n\nexport const y = x;\n`,
    );
    return relative(root, file);
  });
  const result = spawnSync(biome, ['lint', '--max-diagnostics=none', ...files], { cwd: root, encoding: 'utf8' });
  return { files, output: `${result.stdout}\n${result.stderr}`, status: result.status };
}

const refused = (output: string, file: string) =>
  new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ lint/style/noRestrictedImports`).test(output);

describe('the layer rule', () => {
  it('refuses every import against the flow', () => {
    const { files, output, status } = lint(VIOLATIONS);
    expect(status).not.toBe(0);
    expect(files.filter((file) => !refused(output, file))).toEqual([]);
  });

  it('lets imports that follow the flow through', () => {
    const { files, output } = lint(ALLOWED);
    expect(files.filter((file) => refused(output, file))).toEqual([]);
  });
});
