// Times the textbook Sick-Sicker cycle model (docs/engine.md) on one core in a fresh process:
// the first run (cold: the engine's JIT warm-up included) and a second one (warm), each from
// building the runner to the summarised results.
import { createCycleRunner, runSerial, sickSickerExample, summarize } from '@sarcsim/model/engine';

const individuals = Number(process.argv[2] ?? '100000');

function timed(seed: number) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const results = summarize(runSerial(createCycleRunner(sickSickerExample()), { seed, individuals }));
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, results };
}

const cold = timed(1);
const warm = timed(2);
const strategies = warm.results.strategies;
process.stdout.write(
  JSON.stringify({
    model: 'Sick-Sicker (docs/engine.md)',
    individuals,
    cycles: strategies[0]?.curves.survival?.timesYears.length, // one survival grid point per cycle
    strategies: strategies.length,
    coldSeconds: cold.seconds,
    coldCpuSeconds: cold.cpuSeconds,
    warmSeconds: warm.seconds,
    warmCpuSeconds: warm.cpuSeconds,
    costsPerIndividual: Object.fromEntries(strategies.map((s) => [s.id, s.rewards.costs?.discounted])),
  }),
);
