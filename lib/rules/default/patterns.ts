import { defaultFields } from './fields';
import { defaultMessageRules } from './messages';
import { defaultPages } from './pages';

let patterns: ReadonlySet<string> | undefined;

/**
 * Every pattern of the built-in pack. Each passes the pattern check (test/unit/regex-safety.test
 * checks them all), so the schema does not check them again: an admin's stored pack, which the
 * overlay parses on every sync screen, is mostly these.
 */
export function builtInPatterns(): ReadonlySet<string> {
  patterns ??= new Set([
    ...defaultMessageRules.map((rule) => rule.pattern),
    ...Object.values(defaultPages).flatMap((page) => [
      ...page.urlPatterns,
      ...page.headingPatterns,
      ...page.sectionPatterns,
    ]),
    ...Object.values(defaultFields).flatMap((field) => field.labelPatterns),
  ]);
  return patterns;
}
