// docs/parameters.md is generated from the registry; this fails when it is out of date.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMITTED_CALIBRATION } from '../calibration/committed-calibration.js';
import { renderParameterDocs } from './parameter-docs.js';

describe('docs/parameters.md', () => {
  it('is up to date with the evidence registry and the committed posterior (run `pnpm docs:parameters` to regenerate)', () => {
    const committed = readFileSync(new URL('../../../../docs/parameters.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderParameterDocs(COMMITTED_CALIBRATION));
  });
});
