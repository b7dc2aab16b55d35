import type { RulePack } from '../rules/schema';
import { moduleFromBreadcrumb } from './breadcrumb';
import { contentRoot, isChrome } from './chrome';
import { collect, readValue, type Heading } from './collect';
import { compilePack, type CompiledPack } from './compile';
import { bestKind, mainHeading, scorePageKinds } from './detect';
import { groupPairs } from './group';
import { inferUnlabelled } from './infer';
import { buildRecord, hasSyncEvidence, pickFields, type FieldValues } from './record';
import { isHiddenElement, isVisible, visibleText } from './text';
import { emptyRecord, type Analysis, type PageKind, type Status, type SyncRecord } from './types';
import {
  idTokens,
  normalizeStatus,
  recordTypeFromNumber,
  recordTypeFromWords,
  withoutDirectionMarks,
} from './values';

export type { Analysis, PageKind, SyncRecord } from './types';

const BADGE = /badge|tag|pill|chip|status|label|indicator|dot/i;

/** The connector a card's heading names ("QuickBooks Online" over "QuickBooks Online · Connected"). */
function cardHeading(
  container: Element,
  compiled: CompiledPack,
  integrations: boolean,
): string | null {
  const heading = container.querySelector(
    'h1, h2, h3, h4, h5, h6, [role=heading], strong, b, [class*=title], [class*=name]',
  );
  if (!heading || isHiddenElement(heading)) return null;
  const text = visibleText(
    heading,
    (el) =>
      BADGE.test(el.getAttribute('class') ?? '') ||
      normalizeStatus(el.textContent, compiled) !== null,
  );
  if (!text || text.length > 60) return null;
  if (
    compiled.connectors?.test(text) ||
    (integrations && heading.matches('h1, h2, h3, h4, h5, h6, [role=heading]'))
  )
    return namesScreenOrSection(text, compiled) ? (connectorNamed(text, compiled) ?? text) : text;
  return null;
}

/**
 * A heading that reads as a screen's or a section's ("QuickBooks Online sync history") names its
 * connector among other words: the connector is the known name in it, not the whole heading.
 */
function namesScreenOrSection(text: string, compiled: CompiledPack): boolean {
  return Object.values(compiled.pages).some(
    ({ heading, section }) =>
      heading.some((regex) => regex.test(text)) || section.some((regex) => regex.test(text)),
  );
}

/** The message an alert banner shows, without its buttons, its title ("Sync failed.") or a lead-in. */
function alertMessage(
  alert: Element,
  compiled: CompiledPack,
): { message: string; status: string | null } | null {
  const skipControls = (el: Element) =>
    el.tagName === 'BUTTON' || el.getAttribute('role') === 'button';
  const text = readValue(alert, compiled.pack.maxMessageLength + 200);
  const heading = alert.querySelector(
    'strong, b, h1, h2, h3, h4, h5, h6, [class*=heading], [class*=title]',
  );
  const titleText = heading ? visibleText(heading) : '';
  const titled =
    heading &&
    titleText.length <= 60 &&
    text.startsWith(titleText) &&
    text.length > titleText.length + 2;
  const status = titled && normalizeStatus(titleText, compiled) ? titleText : null;
  let message = status ? visibleText(alert, (el) => el === heading || skipControls(el)) : text;
  // "QuickBooks said: …", "Provider reply: …": the lead-in is not part of the provider's message.
  const lead = /^([^:]{1,40}?):\s+(\S[\s\S]*)$/.exec(message);
  if (lead && (/\bsaid$/i.test(lead[1]!) || compiled.resolveLabel(lead[1]!)?.field === 'message'))
    message = lead[2]!;
  return message ? { message, status } : null;
}

function documentOrder(a: SyncRecord, b: SyncRecord): number {
  if (!a.anchor || !b.anchor || a.anchor === b.anchor) return 0;
  return a.anchor.compareDocumentPosition(b.anchor) & 4 ? -1 : 1;
}

export interface AnalyzeOptions {
  /**
   * List rows whose status cell reads as one of these are read no further: their record holds
   * the status alone. The overlay passes the statuses it never badges (while no retry awaits its
   * outcome), so a long list of settled rows costs a cell each; the popup, the CLI and the
   * escalation read every field.
   */
  brief?: ReadonlySet<Status>;
  /**
   * Long lists: list rows whose status cell reads as one of `statuses` are read in full for the
   * first `first` of them and for the rows in `keep`; the others are skimmed, read to their
   * status and connector only, and their records say so (SyncRecord.skimmed). The overlay reads
   * in full only the rows it badges (those near the viewport), and a skimmed row when it comes
   * near, is clicked or the summary's breakdown is opened.
   */
  skim?: {
    statuses: ReadonlySet<Status>;
    first: number;
    keep: { has(row: Element): boolean };
  };
}

/**
 * Reads an AWRA page into the Analysis contract. Pure: no extension APIs, no layout reads.
 * `url` may be null for a page saved to disk; the content alone then decides.
 */
export function analyzeDocument(
  doc: Document,
  url: string | null,
  pack: RulePack,
  options: AnalyzeOptions = {},
): Analysis {
  const compiled = compilePack(pack);
  const root = contentRoot(doc);
  if (!root) return { page: null, records: [] };
  const { brief: briefStatuses, skim } = options;
  const collected = collect(
    root,
    compiled,
    briefStatuses || skim
      ? { brief: briefStatuses, skim: skim?.statuses, fullLeft: skim?.first ?? 0, keep: skim?.keep }
      : undefined,
  );
  collected.pairs.push(...inferUnlabelled(root, collected.pairs, compiled, collected.tables));
  const { containers, page: pagePairs } = groupPairs(collected.pairs, root);

  const outsideTitle = titleBefore(root, collected.headings);
  if (outsideTitle) collected.headings.unshift(outsideTitle);
  const main = mainHeading(collected.headings);
  const headingTokens = main ? idTokens(main.text).filter((t) => /[A-Z]/i.test(t)) : [];
  const headingNumber = headingTokens[0] ?? null;
  const headingType = headingNumber
    ? (recordTypeFromWords(main!.text.replace(headingNumber, ''), compiled) ??
      recordTypeFromNumber(headingNumber, compiled))
    : null;

  const pageFields: FieldValues = {};
  const entries: { fields: FieldValues; anchor: Element; card: string | null }[] = [];
  let connectorCards = false;
  const provisionalIntegrations = /integration|connector|webhook/i.test(
    `${main?.text ?? ''} ${url ?? ''}`,
  );
  for (const [container, pairs] of containers) {
    const fields = pickFields(pairs, compiled);
    if (hasSyncEvidence(fields, compiled)) {
      const card = fields.connector
        ? null
        : cardHeading(container, compiled, provisionalIntegrations);
      if (card) connectorCards = true;
      entries.push({ fields, anchor: container, card });
    } else {
      pickFields(pairs, compiled, pageFields);
    }
  }
  pickFields(pagePairs, compiled, pageFields);
  // Beside a log of attempts, a block with no message, run or time is the record's sync summary
  // ("Connector · Sync status · Retries"): its values describe the page, not another attempt.
  if (entries.length >= 2) {
    for (let i = entries.length - 1; i >= 0; i--) {
      const { fields } = entries[i]!;
      if (fields.message || fields.syncRun || fields.timestamp) continue;
      for (const pair of Object.values(fields)) if (pair) pickFields([pair], compiled, pageFields);
      entries.splice(i, 1);
    }
  }

  // A customer's or vendor's own page is titled with its name.
  const pageType =
    recordTypeFromWords(pageFields.recordType?.value ?? null, compiled) ??
    (pageFields.recordNumber
      ? recordTypeFromWords(pageFields.recordNumber.label, compiled)
      : null) ??
    headingType;
  if (
    main &&
    !headingNumber &&
    main.text.length <= 80 &&
    (pageType === 'customer' || pageType === 'vendor') &&
    !pageFields[pageType]
  ) {
    pageFields[pageType] = {
      field: pageType,
      value: main.text,
      weak: true,
      label: 'heading',
      el: main.el,
    };
  }

  // An alert banner holds the message of a single-record screen that labels none.
  let alertFields: FieldValues = {};
  for (const alert of collected.alerts) {
    if (collected.pairs.some((p) => alert.contains(p.el))) continue;
    const found = alertMessage(alert, compiled);
    if (!found) continue;
    alertFields = {
      message: { field: 'message', value: found.message, weak: true, label: 'alert', el: alert },
    };
    if (found.status)
      alertFields.status = {
        field: 'status',
        value: found.status,
        weak: true,
        label: 'alert',
        el: alert,
      };
    break;
  }
  const singleEntry =
    entries.length === 1 && collected.rows.length === 0 ? entries[0]!.fields : null;
  const alertTarget =
    singleEntry ?? (entries.length === 0 && collected.rows.length === 0 ? pageFields : null);
  if (alertTarget && !alertTarget.message && alertFields.message) {
    alertTarget.message = alertFields.message;
    if (!alertTarget.status && alertFields.status) alertTarget.status = alertFields.status;
  }

  const scores = scorePageKinds(
    {
      url,
      title: doc.title ?? '',
      headings: collected.headings,
      recordHeading: headingNumber !== null,
      connectorCards,
    },
    compiled,
  );
  // A tie on a record's own page (its heading names it) is that record's sync log.
  let page: PageKind | null = bestKind(scores, headingNumber ? 'sync-log' : null);
  // A page-level record (a single-record screen) names its record or shows its message.
  const pageHasRecord =
    hasSyncEvidence(pageFields, compiled) &&
    Boolean(pageFields.message || pageFields.recordNumber || pageFields.syncRun || headingNumber);
  const hasContent = entries.length > 0 || collected.rows.length > 0 || pageHasRecord;
  if (!hasContent) {
    // An empty, filtered list is still the screen it says it is, when its heading or URL says so.
    const strong = page !== null && scores[page] >= 3 && collected.emptySyncTables > 0;
    return { page: strong ? page : null, records: [] };
  }
  if (page === null) return { page: null, records: [] };

  const impliedConnector = page === 'qbo-sync' ? 'QuickBooks Online' : null;
  const context = {
    page: pageFields,
    headingNumber,
    headingType,
    impliedConnector,
    cardConnector: null,
  };
  const records: SyncRecord[] = [];
  // One context for every row (buildRecord keeps none of it): a long list allocates no copies.
  const rowContext = { ...context, anchor: root };
  // A brief row's record is its status alone: the page's fields it would take in are the row's
  // own cells' to override, and those were not read. No section heading is looked up for it.
  const brief = new Set<SyncRecord>();
  for (const row of collected.rows) {
    if (row.skimmed) {
      // The connector as a full read takes it: the row's own cell, else the page's, else the
      // screen's; a section heading may name it below.
      const record = emptyRecord();
      record.status = row.brief!;
      record.connector = withoutDirectionMarks(
        row.pairs[0]?.value ?? pageFields.connector?.value ?? context.impliedConnector,
      );
      record.anchor = row.anchor;
      record.skimmed = true;
      records.push(record);
      continue;
    }
    if (row.brief) {
      const record = emptyRecord();
      record.status = row.brief;
      record.anchor = row.anchor;
      brief.add(record);
      records.push(record);
      continue;
    }
    rowContext.anchor = row.anchor;
    records.push(buildRecord(pickFields(row.pairs, compiled), rowContext, compiled));
  }
  for (const entry of entries) {
    records.push(
      buildRecord(
        entry.fields,
        { ...context, cardConnector: entry.card, anchor: entry.anchor },
        compiled,
      ),
    );
  }
  // Rows and entries each come in document order from the single walk: only a page holding
  // both needs sorting (compareDocumentPosition is costly on long lists).
  if (collected.rows.length > 0 && entries.length > 0) records.sort(documentOrder);
  if (records.length === 0 && pageHasRecord) {
    const anchor = pageFields.message?.el ?? pageFields.status?.el ?? root;
    records.push(buildRecord(pageFields, { ...context, anchor }, compiled));
  }
  // "Sync attempts (QuickBooks Online)": a section heading may name the connector of its entries.
  for (const record of records) {
    if (record.connector || !record.anchor || brief.has(record)) continue;
    const heading = sectionHeading(record.anchor, collected.headings);
    if (heading) record.connector = connectorNamed(heading.text, compiled);
  }
  // A record's own page (its sync log, or a QBO Sync detail of one record): its breadcrumb names
  // the module ("Home › Sales › Invoices"). Decided from the records' count alone: a brief read
  // must agree with a full one.
  const lacksModule = (record: SyncRecord) =>
    !record.module && !brief.has(record) && !record.skimmed;
  if (
    (page === 'sync-log' || (page === 'qbo-sync' && records.length === 1)) &&
    records.some(lacksModule)
  ) {
    const module = moduleFromBreadcrumb(doc, compiled.modules);
    if (module) for (const record of records) if (lacksModule(record)) record.module = module;
  }
  if (page === 'integrations') {
    // Rows under "Webhook deliveries" are webhook deliveries even without a Type column.
    for (const record of records) {
      if (record.recordType || !record.anchor || brief.has(record) || record.skimmed) continue;
      const heading = sectionHeading(record.anchor, collected.headings);
      if (heading && recordTypeFromWords(heading.text, compiled) === 'webhook')
        record.recordType = 'webhook';
    }
  }
  return { page, records };
}

/**
 * The page's title when the content (<main>) holds no <h1> and the page shows one before it
 * ("<div class=page-header><h1>Invoice INV-20417</h1></div><main>"): the nearest before it,
 * visible, outside chrome and outside the app's own bar (a brand or the current branch there is
 * the app's title, not the record's).
 */
function titleBefore(root: Element, headings: Heading[]): Heading | null {
  if (root.tagName === 'BODY' || headings.some((heading) => heading.level === 1)) return null;
  let found: Heading | null = null;
  for (const h1 of root.ownerDocument.getElementsByTagName('h1')) {
    // Document order: from the first <h1> at or past the content's start on, none is before it.
    if (!(h1.compareDocumentPosition(root) & 4)) break;
    if (!isVisible(h1) || withinAppBar(h1)) continue;
    const text = visibleText(h1);
    if (text) found = { el: h1, level: 1, text };
  }
  return found;
}

const APP_BAR =
  /(?:^|[\s_-])(?:brand|logo|navbar|topbar|top-bar|app-header|app-bar|appbar|site-header|masthead)(?:$|[\s_-])/i;

function withinAppBar(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement)
    if (isChrome(node) || APP_BAR.test(node.getAttribute('class') ?? '')) return true;
  return false;
}

/** The longest known connector name inside a text, spelled as the text spells it. */
function connectorNamed(text: string, compiled: CompiledPack): string | null {
  const lower = text.toLowerCase();
  let best: string | null = null;
  for (const name of compiled.pack.connectors) {
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0 && (!best || name.length > best.length)) best = text.slice(at, at + name.length);
  }
  return best;
}

/** The last heading before an element in document order. */
function sectionHeading(el: Element, headings: Heading[]): Heading | null {
  let found: Heading | null = null;
  for (const heading of headings) {
    if (heading.el.compareDocumentPosition(el) & 4) found = heading;
    else break;
  }
  return found;
}

/** The Analysis without DOM references, as the CLI prints it and messages carry it. */
export function serializeAnalysis(analysis: Analysis): Analysis {
  return {
    page: analysis.page,
    records: analysis.records.map(({ anchor: _anchor, skimmed: _skimmed, ...rest }) => rest),
  };
}
