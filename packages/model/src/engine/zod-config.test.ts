// Every schema of the model must be built from engine/zod.ts, which switches zod to its
// interpreted (jitless) path before any schema exists: a file importing 'zod' directly would
// bring back the `new Function` probe that the web app's Content-Security-Policy reports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('zod configuration', () => {
  it("no model file but engine/zod.ts imports 'zod' itself", () => {
    const direct = sourceFiles(src)
      .filter((file) => /from\s+['"]zod['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(direct).toEqual(['engine/zod.ts']);
  });
});
