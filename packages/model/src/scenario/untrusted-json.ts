// Untrusted JSON (scenario files, shared links, PSA parts): limits checked before anything
// recursive sees the data, so hostile input is refused with a reason instead of exhausting
// the stack ("Maximum call stack size exceeded") or silently losing keys.

/** Deepest nesting of arrays and objects accepted; a scenario needs 6 levels, a PSA part 8. */
export const MAX_JSON_DEPTH = 64;

/** A key that JavaScript treats as the prototype: copying it would drop it without a word. */
const RESERVED_KEY = '__proto__';
/** Levels of a path spelled out in messages. */
const NAMED_LEVELS = 4;

export class JsonTextError extends Error {
  override name = 'JsonTextError';
}

/** Where the text first nests deeper than `maxDepth`, found by a scan that skips strings. */
function depthExceededAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/**
 * Parses JSON text from outside: a UTF-8 byte-order mark is allowed (editors on Windows
 * write one), nesting deeper than `maxDepth` is refused before parsing.
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = depthExceededAt(body, maxDepth);
  if (at !== undefined) {
    throw new JsonTextError(`nested more than ${maxDepth} levels deep (at character ${at.toLocaleString('en-US')})`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new JsonTextError(`not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
}

/**
 * Problems with the shape of already-parsed data, as `path: got …, …` lines: nesting deeper
 * than `maxDepth` and reserved `__proto__` keys. Iterative, so any depth is safe to check.
 */
export function structureProblems(value: unknown, maxDepth = MAX_JSON_DEPTH): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const item = stack.pop() as { value: unknown; path: string; depth: number };
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) {
      problems.push(
        `${item.path || '(scenario)'}: got a value nested more than ${maxDepth} levels deep, must be flatter`,
      );
      continue;
    }
    // Paths name the first few levels only: "version", not "version[0][0][0]…" 64 times.
    const named = depth <= NAMED_LEVELS;
    if (Array.isArray(item.value)) {
      item.value.forEach((v: unknown, i) => {
        if (v !== null && typeof v === 'object')
          stack.push({ value: v, path: named ? `${item.path}[${i}]` : item.path, depth });
      });
      continue;
    }
    for (const key of Object.keys(item.value)) {
      const path = !named ? item.path : item.path === '' ? key : `${item.path}.${key}`;
      if (key === RESERVED_KEY) {
        problems.push(`${path}: got a key named "${RESERVED_KEY}", must not be used (JavaScript reserves it)`);
        continue;
      }
      stack.push({ value: (item.value as Record<string, unknown>)[key], path, depth });
    }
  }
  return problems;
}
