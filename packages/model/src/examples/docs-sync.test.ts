// docs/engine.md shows the illness–death and Sick-Sicker examples verbatim; this keeps them from drifting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('docs/engine.md', () => {
  const doc = readFileSync(new URL('../../../../docs/engine.md', import.meta.url), 'utf8');
  it.each(['illness-death.ts', 'sick-sicker.ts'])('embeds %s exactly as it is', (file) => {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    expect(doc).toContain(`\`\`\`ts\n${source}\`\`\``);
  });

  it('keeps the Sick-Sicker model within 60 lines', () => {
    const source = readFileSync(new URL('./sick-sicker.ts', import.meta.url), 'utf8');
    expect(source.trimEnd().split('\n').length).toBeLessThanOrEqual(60);
  });
});
