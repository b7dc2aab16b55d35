import { foldName } from './breadcrumb';
import type { RulePack } from '../rules/schema';
import { compileMessageRules, type CompiledMessageRule } from './classify';
import { lazyRegExp } from './lazy-regex';
import { normalizeLabel } from './text';
import { PAGE_KINDS, RECORD_FIELDS, type PageKind, type RecordField, type Status } from './types';

export interface LabelMatch {
  field: RecordField;
  /** Generic label such as "Reference" or "Date" that yields to a specific one. */
  weak: boolean;
  /** Matched a listed label, not only a label pattern. */
  exact: boolean;
}

export interface CompiledPack {
  pack: RulePack;
  /** Resolves a label's text to the field it names, or null. */
  resolveLabel(text: string): LabelMatch | null;
  /** The label is one of the field's preferredLabels (it wins over the field's other labels). */
  prefers(field: RecordField, label: string): boolean;
  pages: Record<PageKind, { url: RegExp[]; heading: RegExp[]; section: RegExp[] }>;
  /** Phrases in lower case, found as whole words (words.ts). */
  statusPhrases: { phrase: string; status: Status }[];
  /** The type's name and words in lower case, found as whole words (words.ts). */
  recordTypes: { name: string; words: string[]; prefixes: Set<string> }[];
  connectors: { test(text: string): boolean } | null;
  /** The pack's module names, folded (breadcrumb.ts foldName) → as the pack spells them. */
  modules: Map<string, string>;
  /** Normalised labels whose number is an attempt ordinal, not a retry count. */
  attemptOrdinals: Set<string>;
  /** Identifier prefixes of sync runs ("SR-2026-11-0425"), as opposed to record numbers. */
  syncRunPrefix: RegExp | null;
  /** Every record-type word, lower case ("invoice", "sales receipt"): a badge, never a label. */
  typeWords: Set<string>;
  messageRules: CompiledMessageRule[];
  retryControls: Set<string>;
}

const cache = new WeakMap<RulePack, CompiledPack>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordSource = (words: string[]) =>
  `(?:^|[^\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`;
/** Whole words, case-insensitive, built on first use. */
const lazyWords = (words: string[]) => lazyRegExp(wordSource(words), 'iu');
const compileAll = (sources: string[]) => sources.map((source) => new RegExp(source, 'iu'));

function connectorTest(names: string[]): CompiledPack['connectors'] {
  if (names.length === 0) return null;
  const lazy = lazyWords(names);
  return { test: (text) => lazy.regex.test(text) };
}

/** Compiles a validated pack once; later calls with the same object reuse the result. */
export function compilePack(pack: RulePack): CompiledPack {
  const cached = cache.get(pack);
  if (cached) return cached;

  const exact = new Map<string, LabelMatch>();
  const preferred = new Set<string>();
  const patterns: { field: RecordField; regex: RegExp }[] = [];
  for (const [field, spec] of Object.entries(pack.fields) as [
    RecordField,
    RulePack['fields'][RecordField],
  ][]) {
    if (!spec || !RECORD_FIELDS.includes(field)) continue;
    const weak = new Set(spec.weakLabels.map(normalizeLabel));
    for (const label of [...spec.labels, ...spec.preferredLabels]) {
      const key = normalizeLabel(label);
      if (!exact.has(key)) exact.set(key, { field, weak: weak.has(key), exact: true });
    }
    for (const label of spec.preferredLabels) preferred.add(`${field}|${normalizeLabel(label)}`);
    for (const regex of compileAll(spec.labelPatterns)) patterns.push({ field, regex });
  }
  const labelCache = new Map<string, LabelMatch | null>();
  const resolveLabel = (text: string): LabelMatch | null => {
    if (text.length > 60) return null;
    const key = normalizeLabel(text);
    const hit = labelCache.get(key);
    if (hit !== undefined) return hit;
    const bare = key.replace(/\s*\([^)]*\)$/, '');
    let result: LabelMatch | null = exact.get(key) ?? exact.get(bare) ?? null;
    // Patterns guess only for label-shaped text: a few words, no digits ("Last attempt (EAT)").
    if (
      !result &&
      bare.length > 0 &&
      bare.length <= 40 &&
      !/[\d:]/.test(bare) &&
      bare.split(' ').length <= 4
    ) {
      const found = patterns.find((p) => p.regex.test(bare));
      // A pattern match is a guess: it yields to an exact label of the same field.
      result = found ? { field: found.field, weak: true, exact: false } : null;
    }
    if (labelCache.size < 5000) labelCache.set(key, result);
    return result;
  };

  const pages = {} as CompiledPack['pages'];
  for (const kind of PAGE_KINDS) {
    const signals = pack.pages[kind];
    pages[kind] = {
      url: compileAll(signals.urlPatterns),
      heading: compileAll(signals.headingPatterns),
      section: compileAll(signals.sectionPatterns),
    };
  }

  const statusPhrases: CompiledPack['statusPhrases'] = [];
  for (const [status, phrases] of Object.entries(pack.statuses) as [Status, string[]][]) {
    for (const phrase of phrases ?? []) {
      statusPhrases.push({ phrase: phrase.toLowerCase(), status });
    }
  }
  // Longest phrase first so that among matches at the same position the most specific wins.
  statusPhrases.sort((a, b) => b.phrase.length - a.phrase.length);

  const compiled: CompiledPack = {
    pack,
    resolveLabel,
    // Asked only where two labels give the same field: normalising the label here is rare.
    prefers: (field, label) =>
      preferred.size > 0 && label !== '' && preferred.has(`${field}|${normalizeLabel(label)}`),
    pages,
    statusPhrases,
    recordTypes: pack.recordTypes.map((type) => ({
      name: type.name,
      words: [type.name, ...type.words].map((word) => word.toLowerCase()),
      prefixes: new Set(type.prefixes.map((p) => p.toUpperCase())),
    })),
    connectors: connectorTest(pack.connectors),
    modules: new Map(pack.modules.map((name) => [foldName(name), name])),
    attemptOrdinals: new Set(pack.attemptNumberLabels.map(normalizeLabel)),
    syncRunPrefix: pack.syncRunPrefixes.length
      ? new RegExp(`^(?:${pack.syncRunPrefixes.map(escape).join('|')})[-_/.]?\\d`, 'i')
      : null,
    typeWords: new Set(
      pack.recordTypes.flatMap((type) => [type.name, ...type.words].map((w) => w.toLowerCase())),
    ),
    messageRules: compileMessageRules(pack.messageRules),
    retryControls: new Set(pack.retryControls.map((w) => w.toLowerCase())),
  };
  cache.set(pack, compiled);
  return compiled;
}
