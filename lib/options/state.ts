/** What the options page starts from: the admin's saved pack and the effective settings. */
import { parseRulePack } from '../rules/load';
import { refusedStamp } from '../rules/stamp';
import type { RulePack } from '../rules/schema';
import { layerSettings, type EffectiveSettings } from '../settings/layers';
import type { SettingsSource } from '../settings/watch';

export interface OptionsState {
  /** The admin's saved pack (the built-in pack when none is saved or it is unreadable). */
  saved: RulePack;
  /** What open tabs use: saved pack ← managed policy, and the role. */
  settings: EffectiveSettings;
}

export async function loadOptionsState(
  source: SettingsSource,
  defaults: RulePack,
): Promise<OptionsState> {
  const read = await source.read();
  // A stamp spares the check of patterns that passed it; this page lists why a pack failed, so
  // it checks a pack stamped as refused in full.
  const stamps = { storedStamp: passed(read.storedStamp), policyStamp: passed(read.policyStamp) };
  const stored = read.stored == null ? null : parseRulePack(read.stored, stamps.storedStamp);
  return {
    saved: stored?.ok ? stored.pack : defaults,
    settings: layerSettings({ defaults, ...read, ...stamps }),
  };
}

const passed = (stamp: unknown) =>
  typeof stamp === 'string' && !stamp.startsWith(refusedStamp('')) ? stamp : undefined;
