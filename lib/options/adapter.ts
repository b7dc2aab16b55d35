/** The browser calls the options page makes, behind one object so its logic runs in unit tests. */
import { browser } from 'wxt/browser';
import { downloadText } from '../download';
import { patternStamp } from '../rules/stamp';
import type { RulePack } from '../rules/schema';
import { browserSettingsSource, PACK_KEY, PACK_STAMP_KEY } from '../settings/browser-source';
import { roleItem } from '../settings/role';
import type { SettingsSource } from '../settings/watch';
import { sitesItem } from '../sites/storage';

export interface OptionsAdapter {
  settings: SettingsSource;
  /** permissions.request for one origin pattern; must be the first call in a click handler. */
  requestHost(pattern: string): Promise<boolean>;
  hasHost(pattern: string): Promise<boolean>;
  /** permissions.remove; false when the browser keeps it (e.g. granted at install). */
  removeHost(pattern: string): Promise<boolean>;
  readSites(): Promise<string[]>;
  writeSites(patterns: string[]): Promise<void>;
  /**
   * Saves the admin's pack, validated (null: back to the built-in pack), with the stamp of its
   * patterns in the same write, so AWRA tabs need not check them again.
   */
  writePack(pack: RulePack | null): Promise<void>;
  writeRole(role: string): Promise<void>;
  confirm(message: string): boolean;
  download(filename: string, text: string): void;
}

export function browserOptionsAdapter(): OptionsAdapter {
  return {
    settings: browserSettingsSource,
    requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
    hasHost: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    removeHost: (pattern) => browser.permissions.remove({ origins: [pattern] }).catch(() => false),
    readSites: () => sitesItem.getValue(),
    writeSites: (patterns) => sitesItem.setValue(patterns),
    writePack: (pack) =>
      pack === null
        ? browser.storage.local.remove([PACK_KEY, PACK_STAMP_KEY])
        : browser.storage.local.set({ [PACK_KEY]: pack, [PACK_STAMP_KEY]: patternStamp(pack) }),
    writeRole: (role) => roleItem.setValue(role),
    confirm: (message) => window.confirm(message),
    download: (filename, text) => downloadText(filename, text, 'application/json'),
  };
}
