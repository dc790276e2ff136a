// Runs one scenario in a fresh process and prints its peak resident memory (for the benchmark).
import { parseScenario } from '@sarcsim/model/scenario';
import { nodeWorkerFactory } from '../pool/node-workers.js';
import { WorkerPool } from '../pool/pool.js';

const patients = Number(process.argv[2]);
const workers = Number(process.argv[3]);
const pool = new WorkerPool(nodeWorkerFactory(), workers);
const start = performance.now();
try {
  await pool.run(parseScenario({ patients, seed: 5 }));
} finally {
  pool.terminate();
}
const peakRssMegabytes = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({ patients, workers, peakRssMegabytes, seconds }));
