import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SARCSIM_VERSION } from './version.js';

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(SARCSIM_VERSION).toBe(pkg.version);
  });
});
