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

/** An import: validated (and upgraded) in full; an invalid file changes nothing. */
export function checkImport(text: string): Checked {
  const result = parseRulePackText(text);
  if (!result.ok) return result;
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
  return { ok: true, pack: result.pack, note: `Saved revision ${result.pack.revision}.` };
}

/** Whether the draft differs from the saved pack (unsaved changes). */
export function isDirty(saved: RulePack, draft: RulePack): boolean {
  return JSON.stringify(saved) !== JSON.stringify(draft);
}
