/**
 * Keeps a page's settings current: reads the three layers once, then again whenever storage
 * says one changed, so an admin's save reaches open AWRA tabs without a reload.
 */
import type { RulePack } from '../rules/schema';
import { layerSettings, type EffectiveSettings } from './layers';

/** The storage reads and change events (the browser's in ./browser-source.ts, fakes in tests). */
export interface SettingsSource {
  read(): Promise<{
    stored: unknown;
    storedStamp?: unknown;
    policyStamp?: unknown;
    storedRole: unknown;
    managed: unknown;
  }>;
  /** Calls `listener` when any layer may have changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export async function loadSettings(
  source: SettingsSource,
  defaults: RulePack,
): Promise<EffectiveSettings> {
  try {
    return layerSettings({ defaults, ...(await source.read()) });
  } catch (error) {
    return {
      pack: defaults,
      role: defaults.defaultRole,
      locked: [],
      problems: [`settings could not be read (${String(error)}); using the built-in rules`],
    };
  }
}

/** Calls `use` with the current settings now and after every change; returns the stop. */
export function watchSettings(
  source: SettingsSource,
  defaults: RulePack,
  use: (settings: EffectiveSettings) => void,
): () => void {
  let stopped = false;
  let reads = 0;
  const update = () => {
    const read = ++reads;
    void loadSettings(source, defaults).then((settings) => {
      // Only the newest read counts, so a slow early read cannot undo a later change.
      if (!stopped && read === reads) use(settings);
    });
  };
  const unsubscribe = source.onChange(update);
  update();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
