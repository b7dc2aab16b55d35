/**
 * The background's answer to the popup's escalation-history requests. It answers only this
 * extension's own pages (never a content script, another extension or a web page) and only
 * well-formed requests; anything else, the content script's store requests included, gets
 * undefined so this handler can be chained with createBackgroundHandler.
 */
import type { EffectiveSettings } from '../settings/layers';
import { connectorNames } from '../rules/connectors';
import type { SyncAssistDB } from '../store/db';
import { connectorFailureCount, getChecklist, getHistory } from '../store/history';
import {
  addNote,
  DAY_MS,
  deleteAll,
  deleteEscalation,
  findRecent,
  getEscalation,
  listEscalations,
  pruneEscalations,
  RETENTION_DAYS,
  saveEscalation,
} from '../store/escalations';
import { describeStorageError, type StoreResult } from '../store/open';
import {
  DEFAULT_LIST_LIMIT,
  EscalationRequestSchema,
  type EscalationAnswer as Answer,
  type EscalationRequest,
} from './escalation-protocol';
import type { Sender } from './protocol';
import { recordTrigger } from './record-trigger';
import type { Unavailable } from './store-protocol';

export interface EscalationHandlerDeps {
  /** browser.runtime.id. */
  extensionId: string;
  /** browser.runtime.getURL('/'): the sender's page must be in this origin. */
  extensionOrigin: string;
  openStore: () => Promise<StoreResult>;
  /** Epoch milliseconds. */
  now: () => number;
  /** Escalations created longer ago are pruned when the store is opened (default 90). */
  retentionDays?: number;
  /** A failed open is retried on a request this long after it (default one minute). */
  reopenAfterMs?: number;
  /**
   * The effective rule pack and role, read per request (admin edits apply at once): a record
   * state asked with what the page shows then names the escalation trigger that holds.
   */
  settings?: () => Promise<Pick<EffectiveSettings, 'pack' | 'role'>>;
}

export type EscalationHandler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** The duplicate guard's window. */
export const RECENT_WINDOW_MS = DAY_MS;

/**
 * True only for this extension's own pages: our id and a URL in our origin. A page of ours opened
 * in a tab has a tab too; a content script never passes, because its URL is the web page's.
 */
export function isFromOwnPage(sender: Sender, extensionId: string, extensionOrigin: string) {
  if (!extensionId || !/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(extensionOrigin)) return false;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(origin)
  );
}

export function createEscalationHandler(deps: EscalationHandlerDeps): EscalationHandler {
  let state: { promise: Promise<StoreResult>; result?: StoreResult; at: number } | null = null;
  const days = deps.retentionDays;
  const retentionMs = (days && Number.isFinite(days) && days > 0 ? days : RETENTION_DAYS) * DAY_MS;

  /** One open shared by concurrent requests, pruned once; a failed open is retried later. */
  const getStore = (): Promise<StoreResult> => {
    const reopenAfter = deps.reopenAfterMs ?? 60_000;
    if (state && (!state.result || state.result.ok || deps.now() - state.at < reopenAfter))
      return state.promise;
    const promise: Promise<StoreResult> = deps
      .openStore()
      .catch((error: unknown): StoreResult => ({ ok: false, ...describeStorageError(error) }))
      .then(async (result) => {
        if (state?.promise === promise) state.result = result;
        if (!result.ok) return result;
        result.db.addEventListener('close', () => {
          if (state?.promise === promise) state = null; // closed by the browser: reopen later
        });
        await pruneEscalations(result.db, deps.now() - retentionMs).catch(() => undefined);
        return result;
      });
    state = { promise, at: deps.now() };
    return promise;
  };

  async function perform(db: SyncAssistDB, request: EscalationRequest): Promise<unknown> {
    const now = deps.now();
    switch (request.type) {
      case 'escalation-save': {
        const { type: _, ...input } = request;
        const id = await saveEscalation(db, input, now);
        return { available: true, id } satisfies Answer<typeof request.type>;
      }
      case 'escalation-list': {
        const items = await listEscalations(db, { limit: request.limit ?? DEFAULT_LIST_LIMIT });
        return { available: true, items } satisfies Answer<typeof request.type>;
      }
      case 'escalation-get': {
        const item = await getEscalation(db, request.id);
        return { available: true, item } satisfies Answer<typeof request.type>;
      }
      case 'escalation-add-note': {
        const item = await addNote(db, request.id, request.text, now);
        return { available: true, item } satisfies Answer<typeof request.type>;
      }
      case 'escalation-delete': {
        const deleted = await deleteEscalation(db, request.id);
        return { available: true, deleted } satisfies Answer<typeof request.type>;
      }
      case 'escalation-delete-all': {
        const deleted = await deleteAll(db);
        return { available: true, deleted } satisfies Answer<typeof request.type>;
      }
      case 'escalation-find-recent': {
        const since = now - RECENT_WINDOW_MS;
        const item = await findRecent(db, request.recordNumber, request.message, since);
        return { available: true, item } satisfies Answer<typeof request.type>;
      }
      case 'escalation-record-state': {
        const { site, connector, recordNumber, shown } = request;
        const settings = deps.settings ? await deps.settings() : null;
        const names = settings ? connectorNames(connector, settings.pack) : [connector];
        const ref = { site, connector, recordNumber, names };
        const [history, checklist] = await Promise.all([
          getHistory(db, ref),
          getChecklist(db, ref),
        ]);
        let trigger: string | null = null;
        if (shown && settings) {
          const { pack, role } = settings;
          const since = now - (pack.escalation.windowHours * DAY_MS) / 24;
          const storedFailures = await connectorFailureCount(db, site, connector, since);
          trigger = recordTrigger({ shown, history, storedFailures, pack, role, now });
        }
        return {
          available: true,
          retries: history.attempts.length,
          checksTicked: checklist?.ticks ?? [],
          trigger,
        } satisfies Answer<typeof request.type>;
      }
    }
  }

  async function answer(request: EscalationRequest): Promise<unknown> {
    let opened: StoreResult | undefined;
    try {
      opened = await getStore();
      if (!opened.ok) return { available: false, reason: opened.reason } satisfies Unavailable;
      return await perform(opened.db, request);
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
    if (!isFromOwnPage(sender, deps.extensionId, deps.extensionOrigin)) return undefined;
    const parsed = EscalationRequestSchema.safeParse(message);
    return parsed.success ? answer(parsed.data) : undefined;
  };
}
