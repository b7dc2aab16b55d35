/** What the options page starts from: the admin's saved pack and the effective settings. */
import { parseRulePack } from '../rules/load';
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
  const stored = read.stored == null ? null : parseRulePack(read.stored);
  return {
    saved: stored?.ok ? stored.pack : defaults,
    settings: layerSettings({ defaults, ...read }),
  };
}
