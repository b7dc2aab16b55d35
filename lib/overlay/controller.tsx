import { analyzeDocument, serializeAnalysis } from '../analyze';
import type { Analysis, SyncRecord } from '../analyze/types';
import { formatEscalation } from '../escalation/format';
import { guidanceFor } from '../guidance/guidance';
import { summarize, type FailureSummary } from '../guidance/summary';
import type { RulePack } from '../rules/schema';
import { connectorKey } from '../rules/connectors';
import type { OverlayBackend, RecordRef } from './backend';
import { createHost, isPageChange, placeHost, type OverlayHost } from './mount';
import { NearViewport } from './near-viewport';
import { settledOutcomes, type RetryWatch } from './outcomes';
import { createPacer } from './pacer';
import { retryControlAt, targetForControl } from './retry-controls';
import { RowLayers } from './row-layer';
import { SummaryHost } from './summary';
import { ListReading } from './list-reading';
import { RecordStates, type StateEdit } from './record-states';
import { overlayTargets, refKey, refOfKey, type OverlayTarget } from './targets';
import { RecordOverlay, type TargetUi } from './view';

export interface OverlayOptions {
  doc: Document;
  url(): string;
  pack(): RulePack;
  roleId(): string;
  backend: OverlayBackend;
  signal: AbortSignal;
  copyText(text: string): Promise<void>;
}

const serialize = (record: SyncRecord) =>
  serializeAnalysis({ page: null, records: [record] }).records[0]!;
/**
 * Lists with more badges than this render only the badges near the viewport, and read in full
 * only this many failing rows and the rows near the viewport; the others are skimmed.
 */
const LAZY_AFTER = 50;
/** How long a long list's badges wait for their history before showing without it. */
const COMMIT_WAIT_MS = 1000;

type HostPlace = Parameters<typeof createHost>[1];

/** Failing records per connector (by connectorKey), for each card's connector-wide check. */
const countByConnector = (list: SyncRecord[], pack: RulePack) => {
  const counts = new Map<string, number>();
  for (const record of list) {
    const connector = record.connector === null ? '' : connectorKey(record.connector, pack);
    counts.set(connector, (counts.get(connector) ?? 0) + 1);
  }
  return counts;
};

/** Runs the in-page overlay: analysis on load, on navigation and on relevant DOM changes. */
export function startOverlay(options: OverlayOptions) {
  const { doc, backend, signal } = options;
  const hosts = new Map<
    string,
    { overlay: OverlayHost; target: OverlayTarget; signature: string; place: HostPlace }
  >();
  const ui = new Map<string, TargetUi>();
  const allowOnce = new Set<string>();
  // Retries let through, by refKey, until the page shows their outcome.
  const pending = new Map<string, RetryWatch>();
  let connectorFailures: Record<string, number> = {};
  let notedFailures: Parameters<OverlayBackend['noteFailures']>[0] = [];
  let failuresNoted: Promise<unknown> = Promise.resolve();
  // Failing records per connector on this page, for each card's connector-wide check.
  let onPage = new Map<string, number>();
  let targets: OverlayTarget[] = [];
  // A long list's far failing rows are skimmed: counted in the summary, badged once read.
  const reading = new ListReading(LAZY_AFTER, () => {
    if (signal.aborted) return;
    pacer.cancel();
    pacer.runNow();
  });
  let summary: SummaryHost | null = null;
  let observer: MutationObserver | null = null;
  let near: NearViewport | null = null;
  // Long tables' badges, drawn over the rows (lib/overlay/row-layer.ts).
  let layers: RowLayers | null = null;
  // The record the user last expanded or acted on: the popup starts from it.
  let lastTouched: RecordRef | null = null;

  const uiFor = (key: string) =>
    ui.get(key) ??
    ui
      .set(key, { expanded: false, confirmReason: null, confirmFresh: false, notice: null })
      .get(key)!;

  const viewFor = (target: OverlayTarget) => {
    const state = states.get(target.historyKey);
    return guidanceFor({
      record: serialize(target.record),
      pack: options.pack(),
      roleId: options.roleId(),
      history: state.history,
      connectorFailures: Math.max(
        onPage.get(target.record.connector === null ? '' : target.historyKey.connector) ?? 0,
        connectorFailures[target.historyKey.connector] ?? 0,
      ),
      now: Date.now(),
    });
  };

  // Each record's stored state, with this page's edits (lib/overlay/record-states.ts).
  const states = new RecordStates(backend, () => renderAll(false));

  const saveState = (target: OverlayTarget, edit: StateEdit) => {
    states.edit(target.historyKey, edit, true);
    renderAll(true);
  };

  const renderTarget = (target: OverlayTarget, force: boolean) => {
    const entry = hosts.get(target.key);
    if (!entry) return;
    const state = states.get(target.historyKey);
    const targetUi = uiFor(target.key);
    const view = viewFor(target);
    const signature = JSON.stringify([
      serialize(target.record),
      state,
      targetUi,
      view.retry,
      view.escalation.length,
    ]);
    if (!force && signature === entry.signature) return;
    entry.signature = signature;
    // An open card may widen its column to be readable; a collapsed badge never does.
    entry.overlay.host.toggleAttribute(
      'data-expanded',
      target.mode === 'badge' && (targetUi.expanded || Boolean(targetUi.confirmReason)),
    );
    const update = (change: Partial<TargetUi>) => {
      Object.assign(targetUi, change);
      renderTarget(target, true);
    };
    entry.overlay.render(
      <RecordOverlay
        id={`sa-${hosts.size}-${target.key.replace(/[^\w-]/g, '_')}`}
        mode={target.mode}
        record={serialize(target.record)}
        view={view}
        state={state}
        ui={targetUi}
        actions={{
          onToggleBadge: () => {
            if (!targetUi.expanded) lastTouched = target.historyKey;
            update({ expanded: !targetUi.expanded });
          },
          onToggleCheck: (id, ticked) => {
            lastTouched = target.historyKey;
            saveState(target, ({ ticks }) => ({
              ticks: ticked ? [...new Set([...ticks, id])] : ticks.filter((t) => t !== id),
            }));
          },
          onCollapse: (collapsed) => saveState(target, () => ({ collapsed })),
          onDismiss: () => saveState(target, () => ({ dismissed: true })),
          onCancelRetry: () => update({ confirmReason: null }),
          // Not a change to show: the next drawing of the question just does not take the focus.
          onConfirmFocused: () => {
            targetUi.confirmFresh = false;
          },
          onRetryAnyway: () => {
            const control = retryControls.get(target.key);
            update({ confirmReason: null });
            allowOnce.add(target.key);
            control?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
          },
          onEscalate: () => {
            lastTouched = target.historyKey;
            // The popup builds the escalation; when the browser will not open it from here, the
            // guide's format goes to the clipboard instead.
            const trigger = view.escalation[0]?.id ?? null;
            void backend.openEscalation({ ...target.historyKey, trigger }).then((opened) => {
              if (opened) return;
              const text = formatEscalation({ ...serialize(target.record) }, options.pack());
              options.copyText(text).then(
                () =>
                  update({
                    notice:
                      'Escalation details copied: paste them into your message to support and add what you expected and what changed.',
                  }),
                () =>
                  update({
                    notice:
                      'Could not copy the escalation details; select the record and message and copy them by hand.',
                  }),
              );
            });
          },
        }}
      />,
    );
  };

  const retryControls = new Map<string, Element>();

  /** What the summary last showed: state loads re-render cards, not an unchanged summary. */
  let summarized: { targets: OverlayTarget[]; failures: Record<string, number> } | null = null;
  let summaryOf: { targets: OverlayTarget[]; counts: FailureSummary } | null = null;

  const failingRecords = () => [...targets.map((t) => t.record), ...reading.skimmed];

  function renderAll(force: boolean) {
    for (const target of targets) renderTarget(target, force);
    // A long list's summary is placed with its first badges: it is drawn then, not before.
    if (!summary?.placed) return;
    if (!force && summarized?.targets === targets && summarized.failures === connectorFailures)
      return;
    summarized = { targets, failures: connectorFailures };
    if (summaryOf?.targets !== targets)
      summaryOf = {
        targets,
        counts: summarize(failingRecords(), options.pack()),
      };
    summary.render(
      targets.length + reading.skimmed.length,
      summaryOf.counts,
      connectorFailures,
      options.pack(),
    );
  }

  /** Asks the background for each record's state; settles when every answer is in. */
  const loadStates = (list: OverlayTarget[]): Promise<unknown> =>
    Promise.all(list.map((target) => states.load(target.historyKey)));

  const noteFailures = () => {
    // Compared field by field with what was last sent: a long list re-read unchanged (live
    // updates elsewhere on the page) neither builds a signature string nor sends anything.
    const last = notedFailures;
    if (
      targets.length === 0 ||
      (targets.length === last.length &&
        targets.every((t, i) => {
          const before = last[i]!;
          return (
            before.connector === t.historyKey.connector &&
            before.recordNumber === t.historyKey.recordNumber &&
            before.messageType === t.record.messageType &&
            before.message === t.record.message
          );
        }))
    )
      return;
    notedFailures = targets.map((t) => ({
      ...t.historyKey,
      messageType: t.record.messageType,
      message: t.record.message,
    }));
    failuresNoted = backend.noteFailures(notedFailures).then(
      (counts) => {
        connectorFailures = counts;
        renderAll(false);
      },
      () => undefined,
    );
  };

  const settleOutcomes = (analysis: Analysis) => {
    for (const { key, outcome } of settledOutcomes(pending, analysis, options.pack())) {
      pending.delete(key);
      void backend.recordOutcome({ ...refOfKey(key), outcome }).catch(() => undefined);
    }
  };

  const run = () => {
    if (signal.aborted) return;
    const analyze = (skim: boolean) =>
      analyzeDocument(doc, options.url(), options.pack(), reading.options(pending.size > 0, skim));
    let analysis = analyze(true);
    settleOutcomes(analysis);
    targets = overlayTargets(analysis, options.pack());
    reading.took(analysis.records);
    // Skimming is for long lists of badges: a log of one record's attempts is read in full.
    if (reading.skimmed.length > 0 && !targets.every((t) => t.mode === 'badge')) {
      analysis = analyze(false);
      targets = overlayTargets(analysis, options.pack());
      reading.took([]);
    }
    onPage = countByConnector(failingRecords(), options.pack());
    if (!analysis.page) {
      teardown();
      return;
    }
    watch();
    noteFailures();
    const rows = targets.length + reading.skimmed.length;
    const lazy = rows > LAZY_AFTER && targets.every((t) => t.mode === 'badge');
    if (rows > 0 && analysis.page !== 'sync-log' && analysis.records.length > 1) {
      summary ??= new SummaryHost(doc, (open) => reading.breakdown(open));
      // A long list's summary floats, and comes with its first badges.
      if (!lazy) summary.place(doc);
      else if (summary.placed) summary.place(doc, true);
    } else {
      summary?.remove();
      summary = null;
    }
    const current = new Set(targets.map((t) => t.key));
    removeHosts((key) => !current.has(key));
    if (lazy) {
      near ??= new NearViewport(doc, () => !signal.aborted && void showNearRows());
      const badged = new Set(targets.map((t) => t.anchor));
      near.track(
        analysis.records.flatMap((r) =>
          r.anchor && (r.skimmed || badged.has(r.anchor)) ? [r.anchor] : [],
        ),
      );
      // Badges already drawn follow their rows (re-rendered, moved or grown).
      placeHosts(
        targets.filter((t) => hosts.has(t.key)),
        true,
      );
      layers?.refresh();
      void showNearRows();
    } else {
      near?.disconnect();
      near = null;
      placeHosts(targets);
      layers?.clear();
      layers = null;
      void loadStates(targets);
    }
    renderAll(false);
    layers?.positionAdded();
  };

  function removeHosts(remove: (key: string) => boolean) {
    for (const [key, entry] of hosts) {
      if (!remove(key)) continue;
      layers?.release(entry.overlay.host);
      entry.overlay.remove();
      hosts.delete(key);
    }
  }

  /**
   * Puts a host next to each target that has none on the page (a re-rendered row lost it);
   * `layered`: a long list, whose table rows get their badges drawn over them.
   */
  function placeHosts(list: OverlayTarget[], layered = false) {
    const drawn: Parameters<RowLayers['place']>[0] = [];
    for (const target of list) {
      const table = layered && target.mode === 'badge' ? RowLayers.tableOf(target.anchor) : null;
      const place: HostPlace = target.mode === 'card' ? 'block' : table ? 'layer' : 'inline';
      let entry = hosts.get(target.key);
      if (entry && entry.place !== place) {
        removeHosts((key) => key === target.key);
        entry = undefined;
      }
      if (!entry) {
        entry = { overlay: createHost(doc, place), target, signature: '', place };
        hosts.set(target.key, entry);
      }
      entry.target = target;
      const { host } = entry.overlay;
      if (table) drawn.push({ host, row: target.anchor, table, message: target.record.message });
      else if (!host.isConnected) placeHost(entry.overlay, target.anchor, target.record.message);
    }
    if (drawn.length > 0) (layers ??= new RowLayers(doc)).place(drawn);
  }

  /**
   * A long list shows badges only for the rows near the viewport, drawn over the table (never
   * in it: any change inside a long table re-lays out all of it). The rows that came near get
   * their badges in one go, once their history is in (each badge renders once), positioned
   * after the browser's next layout; badges of rows that went away leave with the next batch.
   */
  async function showNearRows(): Promise<void> {
    const list = near;
    // Nothing is drawn before the rows' boxes are read: the summary and the first badges then
    // come in one frame (each frame after a change costs a 5,000-row page 40-90 ms, traced).
    if (!list?.ready) return;
    // Skimmed rows that came near are badged by the reading that reads them.
    reading.cameNear((row) => list.isNear(row));
    const wanted = targets.filter((t) => list.isNear(t.anchor));
    const missing = wanted.filter((t) => !hosts.get(t.key)?.overlay.host.isConnected);
    if (missing.length === 0 && !(summary && !summary.placed)) return;
    await Promise.race([
      Promise.all([loadStates(missing), failuresNoted]),
      new Promise((resolve) => setTimeout(resolve, COMMIT_WAIT_MS)),
    ]);
    if (signal.aborted || near !== list) return;
    const keep = new Set(targets.filter((t) => list.isNear(t.anchor)).map((t) => t.key));
    removeHosts((key) => !keep.has(key));
    placeHosts(
      targets.filter((t) => keep.has(t.key)),
      true,
    );
    summary?.place(doc, true);
    renderAll(false);
    layers?.positionAdded();
  }

  // A short page is re-read within half a second of a change; a long list keeps to its share
  // of the main thread and may lag up to two seconds.
  const pacer = createPacer(run, { maxWaitMs: () => (near ? 2000 : 400) });
  const schedule = () => {
    if (!signal.aborted) pacer.schedule();
  };

  let pageListeners: AbortController | null = null;
  function watch() {
    if (observer) return;
    // Only on a sync screen: elsewhere nothing but the navigation watch runs.
    pageListeners = new AbortController();
    const listening = AbortSignal.any([signal, pageListeners.signal]);
    doc.addEventListener('click', onClick, { capture: true, signal: listening });
    doc.addEventListener('keydown', onKey, { capture: true, signal: listening });
    observer = new MutationObserver((mutations) => {
      if (mutations.some(isPageChange)) schedule();
    });
    observer.observe(doc.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'style', 'class', 'aria-hidden'],
    });
  }

  function teardown() {
    near?.disconnect();
    near = null;
    observer?.disconnect();
    observer = null;
    pageListeners?.abort();
    pageListeners = null;
    for (const entry of hosts.values()) entry.overlay.remove();
    hosts.clear();
    layers?.clear();
    layers = null;
    summary?.remove();
    summary = null;
  }

  // A person's Enter or Space on a retry control: the click the control makes for it is theirs.
  let lastKey: { control: Element; at: number } | null = null;
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted || (event.key !== 'Enter' && event.key !== ' ')) return;
    const control = retryControlAt(
      event.target,
      new Set(options.pack().retryControls.map((w) => w.toLowerCase())),
    );
    lastKey = control ? { control, at: Date.now() } : null;
  };

  const onClick = (event: MouseEvent) => {
    const control = retryControlAt(
      event.target,
      new Set(options.pack().retryControls.map((w) => w.toLowerCase())),
    );
    if (!control) return;
    let target = targetForControl(control, targets);
    // A row not read yet (clicked before its badge came): read now, the retry waits for it.
    if (!target && reading.readRowOf(control)) target = targetForControl(control, targets);
    if (!target) return;
    const overridden = allowOnce.delete(target.key);
    // Only a person's click is their retry: a page script's click neither spends the allowance
    // nor is held back. Our own "Retry anyway" click (untrusted too) is let through once, and so
    // is the click a custom button (<span role=button>) makes for a person's Enter or Space.
    const byKey = lastKey !== null && lastKey.control === control && Date.now() - lastKey.at < 500;
    if (!event.isTrusted && !overridden && !byKey) return;
    const ref = target.historyKey;
    lastTouched = ref;
    if (!overridden) {
      const view = viewFor(target);
      if (view.retry.blocked) {
        event.preventDefault();
        event.stopImmediatePropagation();
        retryControls.set(target.key, control);
        Object.assign(uiFor(target.key), {
          confirmReason: view.retry.reason,
          confirmFresh: true,
          expanded: true,
        });
        renderTarget(target, true);
        return;
      }
    }
    const attempt = { at: Date.now(), message: target.record.message, outcome: null, overridden };
    // Stored by the background through recordRetry: here it only joins what the card knows.
    states.edit(
      ref,
      ({ history }) => ({ history: { attempts: [...history.attempts, attempt] } }),
      false,
    );
    pending.set(refKey(ref), {
      status: target.record.status,
      retryCount: target.record.retryCount,
      message: target.record.message,
    });
    void backend
      .recordRetry({ ...ref, message: target.record.message, overridden })
      .catch(() => states.lost(ref));
  };

  signal.addEventListener('abort', () => {
    reading.stop();
    pacer.cancel();
    teardown();
  });

  pacer.runNow();
  return {
    /** Re-checks the page now and shortly after (client-side navigation renders late). */
    refresh() {
      schedule();
      for (const delay of [300, 1500]) setTimeout(() => !signal.aborted && schedule(), delay);
    },
    /** The record the user last expanded or acted on, while it is still on the page. */
    lastTouched(): RecordRef | null {
      const ref = lastTouched;
      return ref && targets.some((t) => refKey(t.historyKey) === refKey(ref)) ? ref : null;
    },
  };
}
