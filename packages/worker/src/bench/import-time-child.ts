// Times importing one module in a fresh process (wall and CPU), for the light-entry figures.
const specifier = process.argv[2] ?? '@sarcsim/model/engine';
const cpu = process.cpuUsage();
const start = performance.now();
await import(specifier);
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    specifier,
    milliseconds: performance.now() - start,
    cpuMilliseconds: (used.user + used.system) / 1e3,
  }),
);
