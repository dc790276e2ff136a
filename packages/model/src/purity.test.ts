// The model package is pure: its built entry imports and runs in plain Node (no DOM shim),
// and nothing in it imports a Node built-in, so browsers and workers can load it as is.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

describe('@sarcsim/model is DOM-free and Node-free', () => {
  it('imports its public entry and runs a simulation in a plain Node process', () => {
    const script = `
      const m = await import(${JSON.stringify(join(dist, 'index.js'))});
      if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('DOM present');
      const scenario = m.parseScenario({ patients: 50 });
      const acc = m.runSerial(m.runnerFor(scenario, m.COMMITTED_CALIBRATION), { seed: scenario.seed, individuals: scenario.patients });
      console.log(JSON.stringify({ exports: Object.keys(m).length, patients: m.reportFor(scenario, acc, m.COMMITTED_CALIBRATION).patients }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const parsed = JSON.parse(output) as { exports: number; patients: number };
    expect(parsed.patients).toBe(50);
    expect(parsed.exports).toBeGreaterThan(20);
  });

  it('no built file imports a Node built-in module', () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const offenders: string[] = [];
    for (const file of jsFiles(dist)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const specifier = match[1] ?? '';
        if (builtins.has(specifier) || builtins.has(specifier.split('/')[0] ?? ''))
          offenders.push(`${file}: ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
