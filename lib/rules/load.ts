import type { z } from 'zod';
import { RULE_PACK_SCHEMA_VERSION, RulePackSchema, type RulePack } from './schema';

export type PackResult = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

/** "messageRules.3.pattern: invalid regular expression …" for each problem. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
}

/** Validates a parsed rule pack; an older schema version is refused with the version it has. */
export function parseRulePack(input: unknown): PackResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['(root): a rule pack must be a JSON object'] };
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (version !== RULE_PACK_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        `schemaVersion: unsupported version ${JSON.stringify(version)} (expected ${RULE_PACK_SCHEMA_VERSION})`,
      ],
    };
  }
  const result = RulePackSchema.safeParse(input);
  return result.success
    ? { ok: true, pack: result.data }
    : { ok: false, errors: describeIssues(result.error) };
}

/** Parses and validates rule-pack JSON text. */
export function parseRulePackText(text: string): PackResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  return parseRulePack(json);
}
