// `pnpm golden:update --note "why"`: reruns packages/model/golden/scenario.json and rewrites
// golden/result.json, recording the reason in golden/CHANGES.md. Only for deliberate changes.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { runSerial, SARCSIM_VERSION } from '@sarcsim/model/engine';
import { parseScenario, reportFor, runnerFor } from '@sarcsim/model/scenario';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';

const noteAt = process.argv.indexOf('--note');
const note = noteAt >= 0 ? process.argv[noteAt + 1]?.trim() : undefined;
if (note === undefined || note === '') {
  process.stderr.write('golden:update: give the reason with --note "…" (it is recorded in golden/CHANGES.md)\n');
  process.exit(2);
}
const dir = new URL('../../../model/golden/', import.meta.url);
const scenario = parseScenario(JSON.parse(readFileSync(new URL('scenario.json', dir), 'utf8')));
const acc = runSerial(runnerFor(scenario, RUNTIME_CALIBRATION), {
  seed: scenario.seed,
  individuals: scenario.patients,
  blockSize: scenario.blockSize,
});
writeFileSync(
  new URL('result.json', dir),
  `${JSON.stringify(reportFor(scenario, acc, RUNTIME_CALIBRATION), null, 1)}\n`,
);
appendFileSync(
  new URL('CHANGES.md', dir),
  `- ${new Date().toISOString().slice(0, 10)}, sarcsim ${SARCSIM_VERSION}: ${note}\n`,
);
process.stdout.write(`rewrote ${new URL('result.json', dir).pathname}\n`);
