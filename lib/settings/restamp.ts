/**
 * Checks the saved pack and the policy's pack in full, once, where no AWRA page waits for it (the
 * background, after an install or update and when the policy changes), and stamps them
 * (lib/rules/stamp.ts), so AWRA tabs only compile their patterns. A pack the check refuses is
 * stamped as refused: tabs ignore it without checking it again, and the options page says why.
 */
import { packStamp, parseRulePack } from '../rules/load';
import { refusedStamp } from '../rules/stamp';
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
  const savedStamp = verdict(saved, read[PACK_STAMP_KEY]);
  // The options page may save another pack (with its own stamp) while this one is checked.
  if (savedStamp && packStamp((await local.get([PACK_KEY]))[PACK_KEY]) === packStamp(saved)) {
    await local.set({ [PACK_STAMP_KEY]: savedStamp });
    written.push(PACK_STAMP_KEY);
  }

  const { rulePack } = readPolicy(await readManaged()).policy;
  const policyStamp = verdict(
    rulePack === undefined ? null : json(rulePack),
    read[POLICY_STAMP_KEY],
  );
  if (policyStamp) {
    await local.set({ [POLICY_STAMP_KEY]: policyStamp });
    written.push(POLICY_STAMP_KEY);
  }
  return written;
}

/** The stamp to store for a pack after checking it in full, or null when the stored one holds. */
function verdict(pack: unknown, stored: unknown): string | null {
  const stamp = packStamp(pack);
  if (!stamp || stored === stamp || stored === refusedStamp(stamp)) return null;
  return parseRulePack(pack).ok ? stamp : refusedStamp(stamp);
}
