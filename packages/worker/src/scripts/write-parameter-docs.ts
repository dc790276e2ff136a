// `pnpm docs:parameters`: regenerates docs/parameters.md from the evidence registry and the
// committed calibration posterior (prior and posterior side by side).
import { writeFileSync } from 'node:fs';
import { COMMITTED_CALIBRATION } from '@sarcsim/model/calibration';
import { renderParameterDocs } from '@sarcsim/model/docs';

const target = new URL('../../../../docs/parameters.md', import.meta.url);
writeFileSync(target, renderParameterDocs(COMMITTED_CALIBRATION));
process.stdout.write(`wrote ${target.pathname}\n`);
