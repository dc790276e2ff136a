// `pnpm docs:parameters`: regenerates docs/parameters.md from the evidence registry.
import { writeFileSync } from 'node:fs';
import { renderParameterDocs } from '@sarcsim/model/docs';

const target = new URL('../../../../docs/parameters.md', import.meta.url);
writeFileSync(target, renderParameterDocs());
process.stdout.write(`wrote ${target.pathname}\n`);
