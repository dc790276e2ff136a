// `@sarcsim/model/engine` must load the engine alone, quickly: its static import graph
// reaches only the engine, the life tables, the teaching examples and the version, and of
// the package's dependencies only seedrandom (no statistics, evidence or sarcoma code).
// `pnpm bench` measures the import time itself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Specifiers of the value imports and re-exports of a TypeScript file (type-only ones are erased). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm;
  for (const m of text.matchAll(pattern)) if (m[2] === undefined) found.push(m[3] as string);
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(m[1] as string);
  return found;
}

/** Every local file and external package the entry loads. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of valueImports(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = join(dirname(file), spec).replace(/\.js$/, '.ts');
      if (!existsSync(target)) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(target);
    }
  };
  visit(join(src, entry));
  return { files: [...files].map((f) => relative(src, f)).sort(), packages: [...packages].sort() };
}

describe('the engine entry', () => {
  const graph = importGraph('entries/engine.ts');

  it('loads only the engine, life tables, teaching examples and the version', () => {
    for (const file of graph.files) {
      expect(file).toMatch(/^(engine\/|data\/life-tables\.ts$|examples\/|entries\/engine\.ts$|version\.ts$)/);
    }
    expect(graph.files).toContain('engine/cycle-simulator.ts');
  });

  it('needs no dependency: its Tyche-i is its own, checked against seedrandom in tests', () => {
    expect(graph.packages).toEqual([]);
  });

  it('the walker sees a heavy entry as heavy (so the checks above can fail)', () => {
    const scenario = importGraph('entries/scenario.ts');
    expect(scenario.files.some((f) => f.startsWith('sarcoma/'))).toBe(true);
    expect(scenario.packages).toContain('zod');
  });
});
