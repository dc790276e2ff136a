// A worker starts on the engine alone: the block worker's static value imports are the engine
// entry, comlink and its own files; scenario and calibration code loads only on first use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function valueImports(file: string): string[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm;
  return [...text.matchAll(pattern)].filter((m) => m[2] === undefined).map((m) => m[3] as string);
}

describe('worker start', () => {
  it.each([
    './block-worker-api.ts',
    './model-module.ts',
    './lazy-layers.ts',
    './block-worker-node.ts',
    './block-worker-browser.ts',
  ])('%s imports no scenario, calibration, sarcoma or statistics code up front', (file) => {
    for (const spec of valueImports(file)) {
      expect(spec).toMatch(
        /^(@sarcsim\/model\/engine|comlink|comlink\/dist\/esm\/node-adapter\.mjs|node:worker_threads|\.\/[a-z-]+\.js)$/,
      );
    }
  });

  it('workers import the scenario and calibration layers on first use', () => {
    const text = readFileSync(new URL('./lazy-layers.ts', import.meta.url), 'utf8');
    expect(text).toContain("import('@sarcsim/model/scenario')");
    expect(text).toContain("import('@sarcsim/model/calibration')");
    for (const entry of ['./block-worker-node.ts', './block-worker-browser.ts']) {
      expect(readFileSync(new URL(entry, import.meta.url), 'utf8')).toContain('createBlockWorkerApi(LAZY_LAYERS)');
    }
  });
});
