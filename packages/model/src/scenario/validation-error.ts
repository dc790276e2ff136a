// Validation errors that name the field, the value received and what is allowed.
import type { z } from 'zod';

export class ScenarioError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ScenarioError';
  }
}

/** `strategies[2].schedule[0].intervalMonths` style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(scenario)' : out;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
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
  const generic = issue.message.startsWith('Invalid input') || issue.message.startsWith('Unrecognized key');
  if (!generic) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const kind = `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
      return issue.input === undefined ? `is required (${kind})` : `must be ${kind}`;
    }
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return issue.message;
  }
}

/** One line per problem: `path: got value, what is allowed`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return flatten(issues, []).map(
    ({ path, issue }) => `${formatPath(path)}: got ${describeValue(issue.input)}, ${allowed(issue)}`,
  );
}
