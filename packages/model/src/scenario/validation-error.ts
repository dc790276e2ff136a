// Validation errors that name the field, the value received and what is allowed.
import type { z } from '../engine/zod.js';

/** Problems reported at most; the rest are counted (100,000 unknown ids need not print 100,000 lines). */
export const MAX_PROBLEM_LINES = 20;

export class ScenarioError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    const shown =
      problems.length <= MAX_PROBLEM_LINES
        ? problems
        : [
            ...problems.slice(0, MAX_PROBLEM_LINES),
            `… and ${(problems.length - MAX_PROBLEM_LINES).toLocaleString('en-US')} more problems (fix these first)`,
          ];
    super(shown.join('\n'));
    this.name = 'ScenarioError';
    this.problems = shown;
  }
}

/** `strategies[2].schedule[0].intervalMonths` style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    // A key that is not a plain name (empty, spaces) is quoted, its colons escaped, so the
    // first ': ' of a line still ends its path.
    else if (typeof key !== 'string' || !/^[\w$][\w$.-]*$/.test(key))
      out += `[${JSON.stringify(String(key).slice(0, 40)).replaceAll(':', '\\u003a')}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(scenario)' : out;
}

/** Longest quoted value in a message (characters). */
const PREVIEW_CHARS = 60;

/**
 * A value as JSON, cut to `limit` characters. It is built piece by piece and stops at the
 * limit, so a 50 MB string or a value nested 5,000 levels deep costs no more than a short one;
 * non-finite numbers (JSON's 1e999 parses to Infinity) are named, not shown as JSON's null.
 */
export function preview(value: unknown, limit = PREVIEW_CHARS): string {
  if (value === undefined) return 'nothing';
  let out = '';
  const full = () => out.length > limit;
  const visit = (v: unknown): void => {
    if (full()) return;
    if (typeof v === 'number') out += Number.isFinite(v) ? JSON.stringify(v) : String(v);
    else if (typeof v === 'string') out += JSON.stringify(v.slice(0, limit));
    else if (v === null || typeof v === 'boolean') out += String(v);
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ',';
        visit(v[i] === undefined ? null : v[i]);
      }
      out += ']';
    } else if (typeof v === 'object') {
      out += '{';
      let first = true;
      for (const key in v) {
        if (full()) break;
        if (!Object.hasOwn(v, key)) continue;
        out += `${first ? '' : ','}${JSON.stringify(key.slice(0, limit))}:`;
        first = false;
        visit((v as Record<string, unknown>)[key]);
      }
      out += '}';
    } else out += String(v).slice(0, limit + 1);
  };
  visit(value);
  return out.length > limit ? `${out.slice(0, limit - 3)}...` : out;
}

/**
 * For a value that matched no branch of a union, the problems of the branch it was meant
 * for: the one whose problems lie deepest (an object checked field by field), not the
 * branch that rejected its type outright.
 */
function unionBranch(issue: z.core.$ZodIssueInvalidUnion): readonly z.core.$ZodIssue[] {
  const depth = (branch: readonly z.core.$ZodIssue[]) => Math.min(...branch.map((i) => i.path.length));
  let best: readonly z.core.$ZodIssue[] = [];
  for (const branch of issue.errors)
    if (branch.length > 0 && (best.length === 0 || depth(branch) > depth(best))) best = branch;
  return best;
}

function flatten(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
): { path: PropertyKey[]; issue: z.core.$ZodIssue }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = unionBranch(issue);
      if (branch.length > 0 && branch.some((i) => i.path.length > 0)) return flatten(branch, path);
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const input = issue.input as Record<string, unknown> | undefined;
        return [{ path, issue: { ...issue, input: input?.[issue.discriminator] } }];
      }
    }
    return [{ path, issue }];
  });
}

/** zod's own wording ("Invalid input: …") said as what is allowed; the schema's own messages are kept. */
function allowed(issue: z.core.$ZodIssue): string {
  const generic =
    /^(Invalid input|Invalid option|Unrecognized key|Too big|Too small|Invalid string|Invalid number)/.test(
      issue.message,
    );
  if (!generic) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const kind = `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
      return issue.input === undefined ? `is required (${kind})` : `must be ${kind}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = String(big ? issue.maximum : issue.minimum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string') return `must be ${big ? 'at most' : 'at least'} ${bound} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have ${big ? 'at most' : 'at least'} ${bound} items`;
      return `must be ${big ? (inclusive ? '≤' : '<') : inclusive ? '≥' : '>'} ${bound}`;
    }
    default:
      return issue.message;
  }
}

/** One line per problem: `path: got value, what is allowed`; an unknown field gets a line of its own, quoting its value, not the whole object. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return flatten(issues, []).flatMap(({ path, issue }) => {
    if (issue.code === 'unrecognized_keys' && issue.input !== null && typeof issue.input === 'object') {
      const input = issue.input as Record<string, unknown>;
      return issue.keys.map(
        (key) => `${formatPath([...path, key])}: got ${preview(input[key])}, is not a known field (check the spelling)`,
      );
    }
    // A check may say what it received in words (`params.got`), e.g. "200,000 segments".
    const got =
      issue.code === 'custom' && typeof issue.params?.got === 'string' ? issue.params.got : preview(issue.input);
    return [`${formatPath(path)}: got ${got}, ${allowed(issue)}`];
  });
}
