/** Which connector a name shown on a page stands for (RulePack.connectorAliases). */
import { foldName } from '../analyze/breadcrumb';
import type { RulePack } from './schema';

type Aliases = Pick<RulePack, 'connectorAliases'>;

interface Names {
  /** Folded alias → the connector. */
  aliases: Map<string, string>;
  /** Names as shown → their key: a long list names a few connectors on thousands of rows. */
  seen: Map<string, string>;
}

const byPack = new WeakMap<Aliases, Names>();

/**
 * The name a connector's retry history, checklists and failure counts are kept under: the
 * connector an alias belongs to, else the name as shown (spacing collapsed). One connector shown
 * as "QBO" on an invoice's sync log and "QuickBooks Online" in Sync Hub is one connector.
 */
export function connectorKey(name: string, pack: Aliases): string {
  let names = byPack.get(pack);
  if (!names) {
    names = { aliases: new Map(), seen: new Map() };
    for (const { connector, aliases } of pack.connectorAliases)
      for (const alias of [connector, ...aliases]) {
        const folded = foldName(alias);
        // The first group naming an alias keeps it: an admin's later duplicate changes nothing.
        if (!names.aliases.has(folded)) names.aliases.set(folded, connector);
      }
    byPack.set(pack, names);
  }
  const known = names.seen.get(name);
  if (known !== undefined) return known;
  const shown = name.replace(/\s+/g, ' ').trim();
  const key = names.aliases.get(foldName(shown)) ?? shown;
  if (names.seen.size < 1000) names.seen.set(name, key);
  return key;
}

/**
 * Every name history may have been stored under for this connector (by connectorKey): before
 * history was kept per site it was kept under the name the page showed (lib/store/db.ts).
 */
export function connectorNames(connector: string, pack: Aliases): string[] {
  const group = pack.connectorAliases.find((entry) => entry.connector === connector);
  return group ? [group.connector, ...group.aliases] : [connector];
}
