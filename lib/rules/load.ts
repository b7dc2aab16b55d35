import type { z } from 'zod/mini';
import { migratePack } from './migrate';
import { RULE_PACK_SCHEMA_VERSION, ruleSchemas, type RulePack } from './schema';

/**
 * A result that refuses the pack keeps the caller's current pack: nothing here has side effects.
 * `migratedFrom` is set when an older export was upgraded on the way in.
 */
export type PackResult =
  { ok: true; pack: RulePack; migratedFrom?: number } | { ok: false; errors: string[] };

/**
 * The largest pack accepted, as JSON text. The built-in pack is about 50 kB; 2 MB leaves room
 * for a large organisation's rules while keeping a paste or a storage read from hanging a page.
 */
export const MAX_PACK_BYTES = 2_000_000;
/** The most message rules a pack may hold (also enforced by the schema). */
export const MAX_MESSAGE_RULES = 2000;

/** "messageRules.3.pattern: invalid regular expression …" for each problem. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
}

const tooBig = (bytes: number) =>
  `(root): the pack is ${Math.ceil(bytes / 1000)} kB; at most ${MAX_PACK_BYTES / 1000} kB is accepted`;

/**
 * Validates a parsed rule pack. Older schema versions are migrated first; unknown (future)
 * versions, oversized packs, too many rules and unsafe patterns are refused with their path.
 */
export function parseRulePack(input: unknown): PackResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['(root): a rule pack must be a JSON object'] };
  }
  const migrated = migratePack(input as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const rules = migrated.pack.messageRules;
  if (Array.isArray(rules) && rules.length > MAX_MESSAGE_RULES) {
    return {
      ok: false,
      errors: [`messageRules: ${rules.length} rules; at most ${MAX_MESSAGE_RULES} are accepted`],
    };
  }
  let size: number;
  try {
    size = JSON.stringify(input).length;
  } catch {
    return { ok: false, errors: ['(root): the pack is not plain JSON data'] };
  }
  if (size > MAX_PACK_BYTES) return { ok: false, errors: [tooBig(size)] };
  const result = ruleSchemas().RulePackSchema.safeParse(migrated.pack);
  if (!result.success) {
    const note =
      migrated.from < RULE_PACK_SCHEMA_VERSION
        ? [`(root): problems found after upgrading from version ${migrated.from}`]
        : [];
    return { ok: false, errors: [...note, ...describeIssues(result.error)] };
  }
  return migrated.from < RULE_PACK_SCHEMA_VERSION
    ? { ok: true, pack: result.data, migratedFrom: migrated.from }
    : { ok: true, pack: result.data };
}

/** Parses and validates rule-pack JSON text; text over MAX_PACK_BYTES is refused unread. */
export function parseRulePackText(text: string): PackResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) return { ok: false, errors: [tooBig(bytes)] };
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
