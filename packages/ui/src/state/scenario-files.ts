// Scenario files: saving the draft in the CLI's JSON format, and reading a scenario file or a
// results file (through the scenario it embeds) as untrusted input through the schema.
import { parseJsonText } from '@sarcsim/model/scenario';
import { downloadText } from './downloads.js';
import { draftFrom, type Opened, type ScenarioDraft } from './scenario-draft.js';

/** Largest file read (bytes): a scenario is a few kB, a results file with curves well under 1 MB. */
const MAX_FILE_BYTES = 5_000_000;

export function saveScenarioFile(draft: ScenarioDraft): void {
  downloadText(
    `sarcsim-scenario-${Date.now().toString(36)}.json`,
    `${JSON.stringify(draft, null, 2)}\n`,
    'application/json',
  );
}

/** The scenario of a file; `from` says what kind of file it was. Throws with a reason when it is unreadable. */
export async function openScenarioFile(file: File): Promise<Opened & { from: string }> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than ${MAX_FILE_BYTES / 1e6} MB`);
  const data = parseJsonText(await file.text());
  const embedded =
    data !== null && typeof data === 'object' && !Array.isArray(data) && 'scenarioHash' in data && 'scenario' in data
      ? (data as { scenario: unknown }).scenario
      : undefined;
  return {
    ...draftFrom(embedded ?? data),
    from: embedded === undefined ? `file ${file.name}` : `results file ${file.name}`,
  };
}
