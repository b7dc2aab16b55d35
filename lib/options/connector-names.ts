/**
 * The options page's text for RulePack.connectorAliases: one connector a line, its name, "=",
 * then the other names AWRA's screens give it, separated by commas:
 * `QuickBooks Online = QBO, QuickBooks`.
 */
import type { RulePack } from '../rules/schema';

type Aliases = RulePack['connectorAliases'];

export function formatConnectorNames(aliases: Aliases): string {
  return aliases.map(({ connector, aliases }) => `${connector} = ${aliases.join(', ')}`).join('\n');
}

/** The aliases the text gives, and a problem for each line left out (by line number). */
export function parseConnectorNames(text: string): { aliases: Aliases; problems: string[] } {
  const aliases: Aliases = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.indexOf('=');
    const connector = at < 0 ? '' : line.slice(0, at).trim();
    const names =
      at < 0
        ? []
        : line
            .slice(at + 1)
            .split(',')
            .map((name) => name.trim());
    const others = names.filter((name) => name !== '');
    if (connector === '' || others.length === 0) {
      problems.push(
        `Line ${i + 1} is left out: write the connector, "=", then its other names separated by commas.`,
      );
      return;
    }
    aliases.push({ connector, aliases: others });
  });
  return { aliases, problems };
}
