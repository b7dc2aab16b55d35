import type { z } from 'zod/mini';
import { builtInPatterns } from './default/patterns';
import { migratePack } from './migrate';
import {
  RULE_PACK_SCHEMA_VERSION,
  ruleSchemas,
  withStampedPatterns,
  type RulePack,
} from './schema';
import { packPatterns, patternStamp, refusedStamp } from './stamp';

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
/**
 * The most characters of patterns a pack may give the pattern check (its own, those not built
 * in): the check reads a long pattern at up to about 0.1 s per 1,000 characters, so this bounds
 * a save to seconds (2,000 rules of 1,000 characters took 20 s). The built-in pack's patterns
 * total about 22,000.
 */
export const MAX_CHECKED_PATTERN_CHARS = 50_000;

/** "messageRules.3.pattern: invalid regular expression …" for each problem. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
}

const tooBig = (bytes: number) =>
  `(root): the pack is ${Math.ceil(bytes / 1000)} kB; at most ${MAX_PACK_BYTES / 1000} kB is accepted`;

const REFUSED_BEFORE =
  '(root): its patterns did not pass the pattern check (the options page lists the problems)';

const tooManyPatterns = (chars: number) =>
  `(root): the pack's own patterns (those not built in) total ${chars.toLocaleString('en')} characters; at most ${MAX_CHECKED_PATTERN_CHARS.toLocaleString('en')} are accepted, since each is checked for slow matching: remove rules you do not need or shorten their patterns`;

/**
 * Validates a parsed rule pack. Older schema versions are migrated first; unknown (future)
 * versions, oversized packs, too many rules and unsafe patterns are refused with their path.
 * `stamp`: the stamp stored with the pack (./stamp.ts); when it is this pack's, its patterns
 * are only compiled, not checked again, and when it says this pack failed, it is refused.
 */
export function parseRulePack(input: unknown, stamp?: unknown): PackResult {
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
  const patterns = new Set(packPatterns(migrated.pack));
  const own = typeof stamp === 'string' ? patternStamp(migrated.pack) : null;
  if (own !== null && stamp === refusedStamp(own)) return { ok: false, errors: [REFUSED_BEFORE] };
  const stamped = own !== null && stamp === own;
  if (!stamped) {
    let chars = 0;
    for (const pattern of patterns) if (!builtInPatterns().has(pattern)) chars += pattern.length;
    if (chars > MAX_CHECKED_PATTERN_CHARS) return { ok: false, errors: [tooManyPatterns(chars)] };
  }
  const parse = () => ruleSchemas().RulePackSchema.safeParse(migrated.pack);
  const result = stamped ? withStampedPatterns(patterns, parse) : parse();
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

/**
 * The stamp a pack gets once it passes the check (lib/rules/stamp.ts), for the pack as it will be
 * read (an older version upgraded first); null for what is not a pack at all.
 */
export function packStamp(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const migrated = migratePack(input as Record<string, unknown>);
  return migrated.ok ? patternStamp(migrated.pack) : null;
}

/** Parses and validates rule-pack JSON text; text over MAX_PACK_BYTES is refused unread. */
export function parseRulePackText(text: string, stamp?: unknown): PackResult {
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
  return parseRulePack(json, stamp);
}
