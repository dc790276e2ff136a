// docs/engine.md shows the illness–death example verbatim; this keeps the two from drifting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('docs/engine.md', () => {
  it('embeds illness-death.ts exactly as it is', () => {
    const source = readFileSync(new URL('./illness-death.ts', import.meta.url), 'utf8');
    const doc = readFileSync(new URL('../../../../docs/engine.md', import.meta.url), 'utf8');
    expect(doc).toContain(`\`\`\`ts\n${source}\`\`\``);
  });
});
