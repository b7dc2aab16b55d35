import { z } from '../zod-mini';
import { config } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { normalizeLabel } from '../analyze/text';
import { MESSAGE_TYPES, RECORD_FIELDS, STATUSES } from '../analyze/types';
import { builtInPatterns } from './default/patterns';
import { compileProblem, patternProblem } from './regex-safety';

/** Bump when the pack's shape changes; lib/rules/migrate.ts upgrades older packs. */
export const RULE_PACK_SCHEMA_VERSION = 2;

/**
 * The rule pack's schemas, built on first use: building them costs tens of milliseconds in a
 * freshly loaded page (measured 24-75 ms in Chromium here), and the overlay needs them only
 * when an admin's pack is stored or set by policy; with the built-in pack it never does.
 */
const webAddress = () =>
  z
    .url({ protocol: /^https?$/, error: 'Expected an http:// or https:// address.' })
    .check(z.maxLength(500));

/** Patterns a stamp says passed the check (./stamp.ts): only compiled, during one parse. */
let stampedPatterns: ReadonlySet<string> = new Set();

/** Runs `parse` (a synchronous safeParse) with `patterns` checked only for compiling. */
export function withStampedPatterns<T>(patterns: ReadonlySet<string>, parse: () => T): T {
  const before = stampedPatterns;
  stampedPatterns = patterns;
  try {
    return parse();
  } finally {
    stampedPatterns = before;
  }
}

function buildSchemas() {
  // An admin reads these errors (options page): English messages, as classic zod sets them.
  config(en());
  const text = z.string().check(z.minLength(1), z.maxLength(2000));
  const shortText = z.string().check(z.minLength(1), z.maxLength(200));
  /**
   * A regular expression source, compiled case-insensitively; one that does not compile or is
   * prone to catastrophic backtracking is refused with the reason (lib/rules/regex-safety.ts).
   */
  const pattern = z.string().check(
    z.minLength(1),
    z.maxLength(1000),
    z.superRefine((source, ctx) => {
      const problem = builtInPatterns().has(source)
        ? null
        : stampedPatterns.has(source)
          ? compileProblem(source)
          : patternProblem(source);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );

  const MessageTypeSchema = z.enum(MESSAGE_TYPES);
  const StatusSchema = z.enum(STATUSES);
  const RecordFieldSchema = z.enum(RECORD_FIELDS);

  const MessageRuleSchema = z.object({
    id: shortText,
    type: MessageTypeSchema,
    /** Regular expression source, matched case-insensitively against the whole message. */
    pattern,
    /** Higher wins when several rules match one message. */
    priority: z.int().check(z.gte(0), z.lte(1000)),
    enabled: z._default(z.boolean(), true),
    description: z._default(z.string().check(z.maxLength(500)), ''),
  });

  const PageSignalsSchema = z.object({
    /** Regex sources tested against the URL path (and query). */
    urlPatterns: z.array(pattern).check(z.maxLength(50)),
    /** Regex sources tested against the main heading (h1) and the document title. */
    headingPatterns: z.array(pattern).check(z.maxLength(50)),
    /** Regex sources tested against section headings (h2-h4, captions, legends) in the main content. */
    sectionPatterns: z.array(pattern).check(z.maxLength(50)),
  });

  const FieldSpecSchema = z.object({
    /** Exact labels, compared after lower-casing and trimming punctuation (":", "*", "#"). */
    labels: z.array(shortText).check(z.maxLength(200)),
    /** Regex sources tried on a normalised label when no exact label of any field matched. */
    labelPatterns: z._default(z.array(pattern).check(z.maxLength(50)), []),
    /** Generic labels ("Reference", "Date") that yield to a more specific label or to the page heading. */
    weakLabels: z._default(z.array(shortText).check(z.maxLength(50)), []),
    /**
     * Labels of this field whose value wins over the field's other labels on the same record,
     * wherever it stands ("Sync status" over a bare "Status", often the source record's own
     * state, "Completed"). Each is a label of the field too.
     */
    preferredLabels: z._default(z.array(shortText).check(z.maxLength(50)), []),
    /** Optional CSS selectors whose element text is this field's value. */
    selectors: z._default(z.array(shortText).check(z.maxLength(20)), []),
  });

  const GuidanceSchema = z.object({
    label: shortText,
    cause: text,
    action: text,
    /** Who may act, in the guide's words (e.g. "authorized admin or finance user"). */
    whoMayAct: text,
    /** Which role ids may take the action themselves; others are told to ask. */
    actingRoles: z.array(shortText).check(z.maxLength(20)),
    /** Ids into firstChecks. */
    checks: z.array(shortText).check(z.maxLength(20)),
    /** Ids into commonMistakes. */
    mistakes: z.array(shortText).check(z.maxLength(20)),
    /** Whether one retry after the fix is advised for this type. */
    retryAdvice: z.enum(['after-fix', 'wait-then-once', 'compare-first', 'never', 'read-first']),
  });

  const RoleSchema = z.object({
    id: shortText,
    label: shortText,
    /** Older AWRA wording for the same role. */
    aliases: z._default(z.array(shortText).check(z.maxLength(10)), []),
    /** Retries allowed per failure while the message stays the same. */
    retryLimit: z.int().check(z.gte(0), z.lte(20)),
    mayRetry: z.boolean(),
  });

  const checklistItem = z.object({ id: shortText, text });

  const RulePackSchema = z.object({
    schemaVersion: z.literal(RULE_PACK_SCHEMA_VERSION),
    name: shortText,
    /** Pack revision, bumped on every saved edit. */
    revision: z.int().check(z.gte(0)),
    sites: z.array(shortText).check(z.maxLength(200)),
    pages: z.object({
      'sync-hub': PageSignalsSchema,
      'qbo-sync': PageSignalsSchema,
      integrations: PageSignalsSchema,
      'sync-log': PageSignalsSchema,
    }),
    /** Label synonyms and selectors for every SyncRecord field. */
    fields: z.record(RecordFieldSchema, FieldSpecSchema).check(
      z.superRefine((fields, ctx) => {
        // A label belongs to the first field listing it (lib/analyze/compile.ts): preferring
        // another field's label would silently do nothing.
        const owner = new Map<string, string>();
        for (const [field, spec] of Object.entries(fields))
          for (const label of [...spec.labels, ...spec.preferredLabels])
            if (!owner.has(normalizeLabel(label))) owner.set(normalizeLabel(label), field);
        for (const [field, spec] of Object.entries(fields))
          spec.preferredLabels.forEach((label, i) => {
            const other = owner.get(normalizeLabel(label));
            if (other && other !== field)
              ctx.addIssue({
                code: 'custom',
                path: [field, 'preferredLabels', i],
                message: `"${label}" is a label of ${other}: a page's "${label}" is read as ${other}, so it cannot be preferred for ${field}`,
              });
          });
      }),
    ),
    /** Status words (lower case) per normalised status. */
    statuses: z.record(StatusSchema, z.array(shortText).check(z.maxLength(100))),
    /** Record kinds: canonical name -> words and record-number prefixes that mean it. */
    recordTypes: z
      .array(
        z.object({
          name: shortText,
          words: z.array(shortText).check(z.maxLength(50)),
          prefixes: z._default(z.array(shortText).check(z.maxLength(20)), []),
        }),
      )
      .check(z.maxLength(100)),
    /** Labels whose number is the attempt's ordinal ("Attempt 2" is the first retry): retries = n - 1. */
    attemptNumberLabels: z._default(z.array(shortText).check(z.maxLength(20)), []),
    /** Identifier prefixes that mark a sync run rather than a record ("SR" in SR-2026-11-0425). */
    syncRunPrefixes: z._default(z.array(shortText).check(z.maxLength(50)), []),
    /**
     * AWRA's module names ("Sales", "Procurement"): a record page's breadcrumb naming one gives
     * the page's records their module, for the escalation, when they show none.
     */
    modules: z._default(z.array(shortText).check(z.maxLength(50)), []),
    /** Known connector names, used to recognise connector cards and text. */
    connectors: z.array(shortText).check(z.maxLength(100)),
    /**
     * Names one connector goes by on different screens ("QBO" in a record's sync log, "QuickBooks
     * Online" in Sync Hub): its retry history, checklist and failure counts are kept under
     * `connector`, whichever name a page shows. Compared whole, ignoring case and spacing.
     */
    connectorAliases: z._default(
      z
        .array(
          z.object({
            connector: shortText,
            aliases: z.array(shortText).check(z.minLength(1), z.maxLength(20)),
          }),
        )
        .check(z.maxLength(100)),
      [],
    ),
    messageRules: z.array(MessageRuleSchema).check(z.maxLength(2000)),
    guidance: z.record(MessageTypeSchema, GuidanceSchema),
    firstChecks: z.array(checklistItem).check(z.maxLength(50)),
    commonMistakes: z.array(checklistItem).check(z.maxLength(50)),
    roles: z.array(RoleSchema).check(z.minLength(1), z.maxLength(20)),
    defaultRole: shortText,
    /** Button or link words that start a retry. */
    retryControls: z.array(shortText).check(z.maxLength(50)),
    escalation: z.object({
      connectorFailureThreshold: z.int().check(z.gte(1), z.lte(10000)),
      windowHours: z.int().check(z.gte(1), z.lte(24 * 90)),
      triggers: z.array(checklistItem).check(z.maxLength(20)),
      /** The guide's escalation format, in order. */
      formatFields: z.array(shortText).check(z.maxLength(40)),
      template: z.string().check(z.maxLength(10000)),
    }),
    support: z.object({
      email: z.string().check(z.maxLength(200)),
      // Links in the overlay and the popup: web addresses only (never javascript:, data:, file:).
      url: webAddress(),
      failedSyncGuide: webAddress(),
    }),
    /** Longest message kept from a page, in characters. */
    maxMessageLength: z.int().check(z.gte(100), z.lte(100000)),
  });

  return {
    MessageRuleSchema,
    PageSignalsSchema,
    FieldSpecSchema,
    GuidanceSchema,
    RoleSchema,
    RulePackSchema,
  };
}

let built: ReturnType<typeof buildSchemas> | undefined;
export const ruleSchemas = () => (built ??= buildSchemas());

type Schemas = ReturnType<typeof buildSchemas>;
export type MessageRule = z.infer<Schemas['MessageRuleSchema']>;
export type PageSignals = z.infer<Schemas['PageSignalsSchema']>;
export type FieldSpec = z.infer<Schemas['FieldSpecSchema']>;
export type Guidance = z.infer<Schemas['GuidanceSchema']>;
export type Role = z.infer<Schemas['RoleSchema']>;
export type RulePack = z.infer<Schemas['RulePackSchema']>;
