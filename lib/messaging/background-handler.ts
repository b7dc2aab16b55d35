/**
 * The background's answer to the content script's store requests. It answers only this
 * extension's own content scripts on http(s) pages and only well-formed requests; anything else
 * gets no answer. Each request reads and writes the records of the sender page's site (origin).
 */
import {
  getChecklist,
  getHistory,
  noteFailures,
  pruneOlderThan,
  recordOutcome,
  recordRetry,
  setChecklist,
} from '../store/history';
import { connectorNames } from '../rules/connectors';
import type { RulePack } from '../rules/schema';
import type { SyncAssistDB } from '../store/db';
import { describeStorageError, type StoreResult } from '../store/open';
import { isFromOwnContentScript, siteOf, type Sender } from './protocol';
import {
  StoreRequestSchema,
  type StoreRequest,
  type StoreRequestType,
  type StoreResponse,
  type Unavailable,
} from './store-protocol';

export interface BackgroundHandlerDeps {
  /** browser.runtime.id: requests must come from this extension's own content scripts. */
  extensionId: string;
  /** browser.runtime.getURL('/'): our own pages (in this origin) are not content scripts. */
  extensionOrigin: string;
  openStore: () => Promise<StoreResult>;
  /** Epoch milliseconds. */
  now: () => number;
  /** The rule pack's escalation window (default 24); a function so admin edits apply at once. */
  windowHours: number | (() => number | Promise<number>);
  /** A failed open is retried on a request this long after it (default one minute). */
  reopenAfterMs?: number;
  /**
   * The effective pack's connector aliases: history written before it was kept per site is
   * found under any of a connector's names (default: none but its own).
   */
  connectorAliases?: () => RulePack['connectorAliases'] | Promise<RulePack['connectorAliases']>;
}

export type BackgroundHandler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

const HOUR = 3_600_000;
/** Failures older than the longest window a rule pack may set are pruned on open. */
export const KEEP_FAILURES_MS = 90 * 24 * HOUR;

type Answer<T extends StoreRequestType> = Exclude<StoreResponse<T>, Unavailable>;

export function createBackgroundHandler(deps: BackgroundHandlerDeps): BackgroundHandler {
  let state: { promise: Promise<StoreResult>; result?: StoreResult; at: number } | null = null;

  /** One open shared by concurrent requests; a failed open is retried after reopenAfterMs. */
  const getStore = (): Promise<StoreResult> => {
    const reopenAfter = deps.reopenAfterMs ?? 60_000;
    if (state && (!state.result || state.result.ok || deps.now() - state.at < reopenAfter))
      return state.promise;
    const promise: Promise<StoreResult> = deps
      .openStore()
      .catch((error: unknown): StoreResult => ({ ok: false, ...describeStorageError(error) }))
      .then((result) => {
        if (state?.promise === promise) state.result = result;
        if (result.ok) {
          result.db.addEventListener('close', () => {
            if (state?.promise === promise) state = null; // closed by the browser: reopen later
          });
          pruneOlderThan(result.db, deps.now() - KEEP_FAILURES_MS).catch(() => undefined);
        }
        return result;
      });
    state = { promise, at: deps.now() };
    return promise;
  };

  const windowStart = async () => {
    const hours =
      typeof deps.windowHours === 'function' ? await deps.windowHours() : deps.windowHours;
    return deps.now() - (Number.isFinite(hours) && hours > 0 ? hours : 24) * HOUR;
  };

  /** Every name the connector's history may be stored under (pre-version-2 rows). */
  const namesOf = async (connector: string) =>
    connectorNames(connector, { connectorAliases: (await deps.connectorAliases?.()) ?? [] });

  /** `site`: the sender page's origin; every record read or written is that site's. */
  async function perform(db: SyncAssistDB, site: string, request: StoreRequest) {
    const now = deps.now();
    switch (request.type) {
      case 'get-record-state': {
        const { connector, recordNumber } = request;
        const ref = { site, connector, recordNumber, names: await namesOf(connector) };
        const [history, checklist] = await Promise.all([
          getHistory(db, ref),
          getChecklist(db, ref),
        ]);
        return { available: true, history, checklist } satisfies Answer<typeof request.type>;
      }
      case 'record-retry': {
        const { type: _, ...input } = request;
        const names = await namesOf(input.connector);
        const history = await recordRetry(db, { ...input, site, names, at: now });
        return { available: true, history } satisfies Answer<typeof request.type>;
      }
      case 'record-outcome': {
        const { type: _, ...input } = request;
        const names = await namesOf(input.connector);
        const updated = await recordOutcome(db, { ...input, site, names, at: now });
        return { available: true, updated } satisfies Answer<typeof request.type>;
      }
      case 'note-failures': {
        const since = await windowStart();
        const connectorFailures = await noteFailures(db, site, request.records, now, since);
        return { available: true, connectorFailures } satisfies Answer<typeof request.type>;
      }
      case 'set-checklist': {
        const { type: _, ...input } = request;
        await setChecklist(db, { ...input, site, at: now });
        return { available: true } satisfies Answer<typeof request.type>;
      }
    }
  }

  async function answer(site: string, request: StoreRequest): Promise<unknown> {
    let opened: StoreResult | undefined;
    try {
      opened = await getStore();
      if (!opened.ok) return { available: false, reason: opened.reason } satisfies Unavailable;
      return await perform(opened.db, site, request);
    } catch (error) {
      const { code, reason } = describeStorageError(error);
      if (code === 'unavailable' && opened?.ok && state?.result === opened) {
        opened.db.close(); // closed under us (e.g. for a newer version's upgrade): reopen next time
        state = null;
      }
      return { available: false, reason } satisfies Unavailable;
    }
  }

  return (message, sender) => {
    if (!isFromOwnContentScript(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    // The site comes from the browser's sender, never from the message: a page cannot write
    // another site's history.
    const site = siteOf(sender.url);
    if (site === null) return undefined;
    const parsed = StoreRequestSchema.safeParse(message);
    return parsed.success ? answer(site, parsed.data) : undefined;
  };
}
