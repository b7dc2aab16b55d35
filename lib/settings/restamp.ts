/**
 * Checks the saved pack and the policy's pack in full, once, where no AWRA page waits for it (the
 * background, after an install or update and when the policy changes), and stamps them
 * (lib/rules/stamp.ts), so AWRA tabs only compile their patterns. A pack the check refuses stays
 * unstamped: tabs then ignore it and the options page says why, as before.
 */
import { packStamp, parseRulePack } from '../rules/load';
import { PACK_KEY, PACK_STAMP_KEY, POLICY_STAMP_KEY } from './browser-source';
import { readPolicy } from './policy';

export interface LocalStorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The stamp keys written. */
export async function restampPacks(
  local: LocalStorageArea,
  readManaged: () => Promise<unknown>,
): Promise<string[]> {
  const written: string[] = [];
  const read = await local.get([PACK_KEY, PACK_STAMP_KEY, POLICY_STAMP_KEY]);

  const saved = read[PACK_KEY];
  const savedStamp = packStamp(saved);
  // The options page may save another pack (with its own stamp) while this one is checked.
  if (
    savedStamp &&
    read[PACK_STAMP_KEY] !== savedStamp &&
    parseRulePack(saved).ok &&
    packStamp((await local.get([PACK_KEY]))[PACK_KEY]) === savedStamp
  ) {
    await local.set({ [PACK_STAMP_KEY]: savedStamp });
    written.push(PACK_STAMP_KEY);
  }

  const { rulePack } = readPolicy(await readManaged()).policy;
  const policy = rulePack === undefined ? null : json(rulePack);
  const policyStamp = packStamp(policy);
  if (policyStamp && read[POLICY_STAMP_KEY] !== policyStamp && parseRulePack(policy).ok) {
    await local.set({ [POLICY_STAMP_KEY]: policyStamp });
    written.push(POLICY_STAMP_KEY);
  }
  return written;
}
