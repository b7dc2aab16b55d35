/**
 * Message classifier: maps a visible sync message to one of the failed-sync guide's message
 * types using the rule pack's message rules. Pure: no DOM or extension APIs.
 */
import { defaultMessageLiterals } from '../rules/default/message-literals';
import { defaultMessageRules } from '../rules/default/messages';
import { holdsAll } from '../rules/prefilter';
import { lazyRegExp } from './lazy-regex';
import type { MessageRule } from '../rules/schema';
import type { MessageType } from './types';

export interface CompiledMessageRule {
  id: string;
  type: MessageType;
  priority: number;
  /** The whole pattern; built on first use for a built-in rule. */
  readonly regex: RegExp;
  /**
   * A built-in rule's top-level alternatives, each with the lower-case literals every match of it
   * contains (one of each group; computed at build time): a message is tested only against the
   * alternatives whose literals it holds, and only those are ever compiled (a whole rule's first
   * test costs one to several milliseconds on a page). Null: the whole pattern is tested.
   */
  branches: MessageRuleBranch[] | null;
}

export interface MessageRuleBranch {
  required: string[][];
  /** Built on first use. */
  readonly regex: RegExp;
}

export interface MessageClassification {
  messageType: MessageType | null;
  ruleId: string | null;
}

/** Longest prefix of a (normalised) message the rules are matched against. */
export const MAX_CLASSIFIED_LENGTH = 4000;

/**
 * Compiles the enabled rules (case-insensitive, Unicode) and orders them by priority, highest
 * first; rules with equal priority keep their input order.
 */
/**
 * A built-in pattern in ASCII without Unicode escapes is built with `i` alone: on the NFKC-folded
 * message it matches as with `iu` (those flags differ on ASCII only for ſ and K, which NFKC folds),
 * and it builds three to five times faster, which a long list's first reading pays per rule. One
 * difference is left: an emoji counts as two characters in a bounded gap such as [^.;]{0,60}.
 */
const ASCII_ONLY = /^(?![\s\S]*\\[pPu]\{)[\x00-\x7f]*$/;

/** The built-in rules' patterns: only an unedited pattern has the built-in literals. */
const BUILT_IN_PATTERNS = new Map(defaultMessageRules.map((rule) => [rule.id, rule.pattern]));

export function compileMessageRules(rules: readonly MessageRule[]): CompiledMessageRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled !== false)
    .flatMap(({ rule, index }) => {
      const literals =
        BUILT_IN_PATTERNS.get(rule.id) === rule.pattern
          ? (defaultMessageLiterals.get(rule.id) ?? null)
          : null;
      // A built-in pattern is known to compile: it and its alternatives are built on first use.
      // Any other is tried now, and one that does not compile (an unvalidated admin edit) is
      // skipped.
      const flags = ASCII_ONLY.test(rule.pattern) ? 'i' : 'iu';
      const lazy = literals ? lazyRegExp(rule.pattern, flags) : validPattern(rule.pattern);
      if (!lazy) return [];
      const branches = literals && branchesOf(rule.pattern, literals, flags);
      return [
        {
          index,
          compiled: {
            id: rule.id,
            type: rule.type,
            priority: rule.priority,
            get regex() {
              return lazy.regex;
            },
            branches,
          },
        },
      ];
    })
    .sort((a, b) => b.compiled.priority - a.compiled.priority || a.index - b.index)
    .map(({ compiled }) => compiled);
}

/** A built-in pattern's alternatives, cut where the build-time literals say each one ends. */
function branchesOf(
  pattern: string,
  literals: readonly [end: number, required: string[][]][],
  flags: string,
): MessageRuleBranch[] {
  let start = 0;
  return literals.map(([end, required]) => {
    const lazy = lazyRegExp(pattern.slice(start, end), flags);
    start = end + 1;
    return {
      required,
      get regex() {
        return lazy.regex;
      },
    };
  });
}

function validPattern(pattern: string): { readonly regex: RegExp } | null {
  try {
    return { regex: new RegExp(pattern, 'iu') };
  } catch {
    return null;
  }
}

// Bidi controls, zero-width characters, soft hyphen, BOM, word joiners and similar invisibles.
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
// Other control characters (tabs and line breaks become spaces).
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;
const SPACES = /\s+/gu;

/** Raw characters cleaned per step while normalising a long message. */
const CHUNK = 8192;

function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/**
 * Normalises a message for matching: removes invisible and bidi control characters, folds
 * typographic quotes and dashes to ASCII, collapses whitespace, trims, and keeps at most
 * MAX_CLASSIFIED_LENGTH characters. A long message is cleaned chunk by chunk only until enough
 * text is collected, so a 1 MB message costs about as much as a short one.
 */
export function normalizeMessage(message: string): string {
  let text = '';
  for (let i = 0; i < message.length && text.length <= MAX_CLASSIFIED_LENGTH; i += CHUNK) {
    text = (text + clean(message.slice(i, i + CHUNK))).replace(SPACES, ' ').trimStart();
  }
  return text.trim().slice(0, MAX_CLASSIFIED_LENGTH).trimEnd();
}

/**
 * Classifies a message: the first rule (in compiled order) whose pattern matches wins; a message
 * no rule matches is 'unknown'. A null or blank message has no type.
 */
export function classifyMessage(
  message: string | null,
  rules: readonly CompiledMessageRule[],
): MessageClassification {
  if (message == null) return { messageType: null, ruleId: null };
  return { ...classifyCached(message, rules) };
}

/** The message's type alone (the engine's per-record call: no copy of the cached result). */
export function messageTypeOf(
  message: string | null,
  rules: readonly CompiledMessageRule[],
): MessageType | null {
  return message == null ? null : classifyCached(message, rules).messageType;
}

/** Lists repeat the same few messages on many rows: each is classified once per rule set. */
function classifyCached(
  message: string,
  rules: readonly CompiledMessageRule[],
): Readonly<MessageClassification> {
  let cache = caches.get(rules);
  if (!cache) caches.set(rules, (cache = new Map()));
  const hit = cache.get(message);
  if (hit) return hit;
  const result = classifyUncached(message, rules);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(message, result);
  return result;
}

const CACHE_LIMIT = 5000;
const caches = new WeakMap<readonly CompiledMessageRule[], Map<string, MessageClassification>>();

function classifyUncached(
  message: string,
  rules: readonly CompiledMessageRule[],
): MessageClassification {
  const text = normalizeMessage(message);
  if (text === '') return { messageType: null, ruleId: null };
  const lower = text.toLowerCase();
  for (const rule of rules) {
    if (rule.branches ? matchesBranch(rule.branches, text, lower) : rule.regex.test(text))
      return { messageType: rule.type, ruleId: rule.id };
  }
  return { messageType: 'unknown', ruleId: null };
}

function matchesBranch(branches: MessageRuleBranch[], text: string, lower: string): boolean {
  for (const branch of branches)
    if (holdsAll(lower, branch.required) && branch.regex.test(text)) return true;
  return false;
}
