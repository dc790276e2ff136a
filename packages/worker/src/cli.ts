#!/usr/bin/env node
import { processIo } from './cli/io.js';
// The sarcsim command line: runs scenarios through the same block workers the web app uses.
import { main } from './cli/main.js';

// A closed pipe (e.g. `sarcsim run --json | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv, processIo());
