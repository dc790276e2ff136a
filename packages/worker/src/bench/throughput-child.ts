// Measures one-core throughput of one scenario in a fresh process, so that models measured
// before it cannot slow it down through shared JIT state (for the benchmark).
import { runSerial } from '@sarcsim/model/engine';
import { parseScenario, runnerFor } from '@sarcsim/model/scenario';
import { RUNTIME_CALIBRATION } from '../runtime/runtime-calibration.js';

const scenario = parseScenario(JSON.parse(process.argv[2] ?? '{}'));
const runner = runnerFor(scenario, RUNTIME_CALIBRATION);
runSerial(runner, { seed: 1, individuals: Math.max(1, Math.floor(scenario.patients / 10)) });
const start = performance.now();
runSerial(runner, { seed: 2, individuals: scenario.patients });
const seconds = (performance.now() - start) / 1000;
const strategies = runner.layout.strategyIds.length;
const histories = scenario.patients * strategies;
process.stdout.write(
  JSON.stringify({
    model: scenario.model,
    patients: scenario.patients,
    strategies,
    historiesPerSecond: histories / seconds,
    nanosecondsPerHistory: (seconds / histories) * 1e9,
  }),
);
