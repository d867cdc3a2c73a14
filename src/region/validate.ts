/**
 * Validation of region modules and revisions, with one error line per issue in the form
 * `regions/lapland: feeTable.rows[3].hourlyRateCents: expected a positive integer`.
 * Startup, `npm run regions:check` and the revision API all go through here.
 */
import { z } from 'zod';
import { RegionConfigSchema, type RegionConfig } from './region-config';
import { mergeChanges, RevisionChangeError } from './rules/merge-changes';

export class RegionConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
    this.name = 'RegionConfigError';
  }
}

/** `['feeTable', 'rows', 3, 'hourlyRateCents']` → `feeTable.rows[3].hourlyRateCents`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export function validateRegionConfig(sourceLabel: string, raw: unknown): RegionConfig {
  const result = RegionConfigSchema.safeParse(raw, { error: issueMessage });
  if (result.success) return result.data;
  throw new RegionConfigError(result.error.issues.flatMap((i) => formatIssue(sourceLabel, i)));
}

/** A revision is valid when the config it produces is valid; errors use the same paths. */
export function validateRegionChanges(base: RegionConfig, changes: unknown, sourceLabel: string): RegionConfig {
  let merged: unknown;
  try {
    merged = mergeChanges(base, changes as Record<string, unknown>);
  } catch (error) {
    if (!(error instanceof RevisionChangeError)) throw error;
    throw new RegionConfigError([line(sourceLabel, error.path, error.reason)]);
  }
  return validateRegionConfig(sourceLabel, merged);
}

function line(sourceLabel: string, path: readonly PropertyKey[], message: string): string {
  const at = formatIssuePath(path);
  return at === '' ? `${sourceLabel}: ${message}` : `${sourceLabel}: ${at}: ${message}`;
}

/** Unknown keys get one line each, at their own path, so a typo is found where it is. */
function formatIssue(sourceLabel: string, issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => line(sourceLabel, [...issue.path, key], issue.message));
  }
  return [line(sourceLabel, issue.path, issue.message)];
}

/** Messages for issues the schema itself does not word (schema-level messages take precedence). */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  // Fields that are absent, whatever their type, read "required".
  if (
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  ) {
    return 'required';
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      // Keys of a LocalizedText are locales; elsewhere they are fields.
      return issue.schema?._zod.def.type === 'record' ? 'unknown locale' : 'unknown field';
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      if ('discriminator' in issue && Array.isArray(issue.options)) {
        return `expected one of ${issue.options.map(String).join(', ')}`;
      }
      return undefined;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
      return undefined;
    default:
      return undefined;
  }
}
