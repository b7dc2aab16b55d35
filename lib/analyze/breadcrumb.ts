/**
 * The module a record page belongs to, from its breadcrumb ("Home › Sales › Invoices ›
 * INV-20417": Sales). Breadcrumbs are chrome: they never make a page a sync screen, but on a
 * record's own page they say where the record lives, which support asks for.
 */
import { visibleText } from './text';

const TRAILS = 'nav[aria-label], ol[aria-label], [class~="breadcrumb"], [class~="breadcrumbs"]';

/**
 * A name compared whole, ignoring case, width and spacing ("QBO", "qbo ", "ＱＢＯ"): the pack's
 * module names here, its connector aliases in lib/rules/connectors.ts.
 */
export const foldName = (name: string) =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** `modules`: folded name → the pack's spelling. Null when no breadcrumb item is a module. */
export function moduleFromBreadcrumb(
  doc: Document,
  modules: ReadonlyMap<string, string>,
): string | null {
  if (modules.size === 0) return null;
  const trail = [...doc.querySelectorAll(TRAILS)].find((el) =>
    /breadcrumb/i.test(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('class') ?? ''}`),
  );
  if (!trail) return null;
  const items = trail.querySelectorAll('li');
  for (const item of [...(items.length > 0 ? items : trail.querySelectorAll('a, span'))].slice(
    0,
    20,
  )) {
    const module = modules.get(foldName(visibleText(item, undefined, 100)));
    if (module) return module;
  }
  return null;
}
