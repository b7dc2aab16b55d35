/**
 * The options page's message-rule edits, as pure functions over the rule list. Order is
 * priority (highest first, as the classifier reads them); moving a rule swaps priorities with
 * its neighbour so the stored list and the classifier agree on the order the admin sees.
 */
import type { MessageType } from '../analyze/types';
import { patternProblem } from '../rules/regex-safety';
import type { MessageRule } from '../rules/schema';

/** The rules in classifier order: priority high to low, ties in list order. */
export function byPriority(rules: readonly MessageRule[]): MessageRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}

export interface RuleDraft {
  id: string;
  type: MessageType;
  pattern: string;
  priority: string;
  description: string;
  enabled: boolean;
}

export type RuleProblems = Partial<Record<'id' | 'pattern' | 'priority', string>>;

export function draftOf(rule: MessageRule): RuleDraft {
  return { ...rule, priority: String(rule.priority), description: rule.description ?? '' };
}

export function emptyDraft(rules: readonly MessageRule[]): RuleDraft {
  const top = Math.max(0, ...rules.map((r) => r.priority));
  return {
    id: '',
    type: 'mapping-missing',
    pattern: '',
    priority: String(Math.min(1000, top + 10)),
    description: '',
    enabled: true,
  };
}

/** Problems with a draft, checked as it is typed; `editing` is the id being edited, if any. */
export function checkDraft(
  draft: RuleDraft,
  rules: readonly MessageRule[],
  editing: string | null,
): RuleProblems {
  const problems: RuleProblems = {};
  const id = draft.id.trim();
  if (!id) problems.id = 'Give the rule an id, such as acme-gl-account.';
  else if (id.length > 200) problems.id = 'At most 200 characters.';
  else if (id !== editing && rules.some((r) => r.id === id))
    problems.id = `Another rule already has the id "${id}".`;
  if (!draft.pattern) problems.pattern = 'Enter a regular expression.';
  else if (draft.pattern.length > 1000) problems.pattern = 'At most 1000 characters.';
  else {
    const problem = patternProblem(draft.pattern);
    if (problem) problems.pattern = problem;
  }
  const priority = Number(draft.priority);
  if (
    draft.priority.trim() === '' ||
    !Number.isInteger(priority) ||
    priority < 0 ||
    priority > 1000
  )
    problems.priority = 'A whole number from 0 to 1000.';
  return problems;
}

function ruleOf(draft: RuleDraft): MessageRule {
  return {
    id: draft.id.trim(),
    type: draft.type,
    pattern: draft.pattern,
    priority: Number(draft.priority),
    enabled: draft.enabled,
    description: draft.description.trim(),
  };
}

/** Adds a checked draft (or replaces the rule `editing`). */
export function saveDraft(
  rules: readonly MessageRule[],
  draft: RuleDraft,
  editing: string | null,
): MessageRule[] {
  const rule = ruleOf(draft);
  if (editing === null) return [...rules, rule];
  return rules.map((r) => (r.id === editing ? rule : r));
}

export function removeRule(rules: readonly MessageRule[], id: string): MessageRule[] {
  return rules.filter((r) => r.id !== id);
}

export function toggleRule(rules: readonly MessageRule[], id: string): MessageRule[] {
  return rules.map((r) => (r.id === id ? { ...r, enabled: r.enabled === false } : r));
}

/**
 * Moves a rule one place up (-1) or down (+1) in priority order. Neighbours with equal priority
 * are told apart by list order, so the moved rule gets a priority strictly past its neighbour's.
 */
export function moveRule(
  rules: readonly MessageRule[],
  id: string,
  direction: -1 | 1,
): MessageRule[] {
  const ordered = byPriority(rules);
  const at = ordered.findIndex((r) => r.id === id);
  const other = ordered[at + direction];
  if (at < 0 || !other) return [...rules];
  const moved = ordered[at]!;
  let mine = other.priority;
  let theirs = moved.priority;
  if (mine === theirs) {
    mine = Math.max(0, Math.min(1000, other.priority - direction));
    if (mine === theirs) theirs = Math.max(0, Math.min(1000, theirs + direction));
  }
  const next = ordered.map((r) =>
    r.id === moved.id
      ? { ...r, priority: mine }
      : r.id === other.id
        ? { ...r, priority: theirs }
        : r,
  );
  // Keep the moved pair in their new order for equal priorities too.
  [next[at], next[at + direction]] = [next[at + direction]!, next[at]!];
  return next;
}
