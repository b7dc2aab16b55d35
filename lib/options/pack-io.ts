/** Export, import and save of the admin's rule pack: every write is validated first. */
import { parseRulePack, parseRulePackText } from '../rules/load';
import type { RulePack } from '../rules/schema';

/** The export file: the pack as shown, pretty-printed so admins can diff and review it. */
export function exportPack(pack: RulePack): { filename: string; text: string } {
  const name = pack.name
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return {
    filename: `sync-assist-rules-${name || 'pack'}-r${pack.revision}.json`,
    text: `${JSON.stringify(pack, null, 2)}\n`,
  };
}

export type Checked = { ok: true; pack: RulePack; note: string } | { ok: false; errors: string[] };

/** An email address (something@somewhere, no spaces), or empty: no support email. */
export function isSupportEmail(text: string): boolean {
  return /^$|^[^\s@]+@[^\s@]+$/.test(text);
}

/**
 * What a save or an import must also hold beyond the schema (which every stored pack already
 * passed, so loading never refuses one for these): the support email is a mailto: address in
 * the popup, and "it-help at acme" there opens a mail to nobody.
 */
function contactProblems(pack: RulePack): string[] {
  return isSupportEmail(pack.support.email)
    ? []
    : [`Support email: "${pack.support.email}" is not an email address (or leave it empty).`];
}

/** An import: validated (and upgraded) in full; an invalid file changes nothing. */
export function checkImport(text: string): Checked {
  const result = parseRulePackText(text);
  if (!result.ok) return result;
  const problems = contactProblems(result.pack);
  if (problems.length > 0) return { ok: false, errors: problems };
  const note =
    result.migratedFrom !== undefined
      ? `Imported "${result.pack.name}" (upgraded from schema version ${result.migratedFrom}).`
      : `Imported "${result.pack.name}".`;
  return { ok: true, pack: result.pack, note };
}

/** A save of the edited draft: validated in full, with the revision bumped past the saved one. */
export function checkSave(draft: RulePack, savedRevision: number): Checked {
  const result = parseRulePack({ ...draft, revision: Math.max(draft.revision, savedRevision) + 1 });
  if (!result.ok) return result;
  const problems = contactProblems(result.pack);
  if (problems.length > 0) return { ok: false, errors: problems };
  return { ok: true, pack: result.pack, note: `Saved revision ${result.pack.revision}.` };
}

/** Whether the draft differs from the saved pack (unsaved changes). */
export function isDirty(saved: RulePack, draft: RulePack): boolean {
  return JSON.stringify(saved) !== JSON.stringify(draft);
}
