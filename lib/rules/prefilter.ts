/**
 * Does the text hold a string of every group? The check before a pattern is compiled or run
 * (lib/rules/literals.ts computes the groups at build time). Plain loops: the always-on gate
 * uses it too, where each callback is one more function to compile on a page load.
 */
export function holdsAll(text: string, groups: readonly (readonly string[])[]): boolean {
  for (const group of groups) {
    let found = false;
    for (const literal of group) {
      if (text.includes(literal)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
