/**
 * A stamp saying which patterns of a pack passed this version of the pattern check
 * (./regex-safety.ts), stored with the admin's pack: whoever reads the pack later (the overlay, on
 * every sync screen) checks only that each pattern compiles. The full check of a pack within the
 * size limits can take seconds (2,000 long patterns: about 20 s); the options page pays it once,
 * when it saves, and the background once after an update.
 */

/**
 * Bump whenever the pattern check may refuse a pattern it accepted before: stamps of the older
 * version no longer count, so such a pattern is checked again. test/unit/pack-stamp.test.ts holds
 * the check's sources to the version.
 */
export const PATTERN_CHECK_VERSION = 1;

/** Every pattern a pack holds (message rules, page signals, label patterns), read leniently. */
export function packPatterns(pack: unknown): string[] {
  const out: string[] = [];
  const take = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
  };
  const list = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(take);
  };
  const record = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.values(value as Record<string, unknown>)
      : [];
  const { messageRules, pages, fields } = (pack ?? {}) as Record<string, unknown>;
  if (Array.isArray(messageRules))
    for (const rule of messageRules) take((rule as { pattern?: unknown } | null)?.pattern);
  for (const signals of record(pages)) {
    const { urlPatterns, headingPatterns, sectionPatterns } = (signals ?? {}) as Record<
      string,
      unknown
    >;
    [urlPatterns, headingPatterns, sectionPatterns].forEach(list);
  }
  for (const field of record(fields))
    list((field as { labelPatterns?: unknown } | null)?.labelPatterns);
  return out;
}

/**
 * cyrb53: a fast 53-bit string hash. Not a defence against forgery (only the extension writes
 * its storage); it tells a stamp from one written for other patterns.
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The stamp of a pack whose patterns all passed the check ("v1:<hash>:<count>"). */
export function patternStamp(pack: unknown): string {
  const patterns = [...new Set(packPatterns(pack))].sort();
  // JSON keeps the patterns apart whatever they hold (a joining character could be in one).
  return `v${PATTERN_CHECK_VERSION}:${hash53(JSON.stringify(patterns)).toString(36)}:${patterns.length}`;
}

/**
 * The stamp of a pack that failed the check: readers refuse it without checking it again (the
 * options page, which lists the problems, checks it in full).
 */
export const refusedStamp = (stamp: string) => `refused:${stamp}`;
