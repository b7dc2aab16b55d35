/** Phrases a type's action for the user's role: do it yourself, or ask the people who may. */
import type { Guidance, Role } from '../rules/schema';

/** "Update the mapping…" -> "update the mapping…" (keeps acronyms such as "QBO" intact). */
function lowerFirst(text: string): string {
  const first = text.split(/\s/u, 1)[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The role is listed as acting for the type. For a wait-then-retry type the action is the retry
 * itself, so a role that may not retry is told to ask instead (never told to retry).
 */
export function mayAct(guidance: Guidance, role: Role): boolean {
  if (!guidance.actingRoles.includes(role.id)) return false;
  return role.mayRetry || guidance.retryAdvice !== 'wait-then-once';
}

/**
 * An acting role gets the pack's action as written (it says what to do and where). Others are
 * told whom to ask, with the same instruction, so they can pass it on word for word.
 */
export function actionFor(guidance: Guidance, role: Role): string {
  if (mayAct(guidance, role)) return guidance.action;
  const who = guidance.whoMayAct.trim();
  // "the user who owns the record, or a finance user" needs a closing comma before "to".
  const subject = who.includes(',') ? `${who},` : who;
  return `Ask ${subject} to ${lowerFirst(guidance.action.trim())}`;
}
