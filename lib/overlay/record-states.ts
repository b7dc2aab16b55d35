/**
 * The overlay's copy of each record's stored state (history, checklist ticks, collapsed,
 * dismissed): asked of the background once per record, edited by the card, written back.
 */
import { emptyState, type OverlayBackend, type RecordRef, type RecordState } from './backend';
import { refKey } from './targets';

export type StateEdit = (state: RecordState) => Partial<RecordState>;

export class RecordStates {
  private readonly states = new Map<string, RecordState>();
  /** Requests in flight or answered, by refKey: asked once per record. */
  private readonly loading = new Map<string, Promise<unknown>>();
  /**
   * Edits made while a record's stored state is loading, replayed on it when it comes: a tick or
   * a retry before the answer must neither overwrite what is stored nor be dropped by it.
   */
  private readonly unloaded = new Map<string, { edit: StateEdit; save: boolean }[]>();

  constructor(
    private readonly backend: Pick<OverlayBackend, 'recordState' | 'saveRecordState'>,
    /** A stored state arrived, or history became unavailable: the cards show it. */
    private readonly changed: () => void,
  ) {}

  /** What the card shows now: the stored state, with this page's edits. */
  get(ref: RecordRef): RecordState {
    return this.states.get(refKey(ref)) ?? emptyState(true);
  }

  /** Asks the background for the record's stored state once; edits meanwhile are replayed on it. */
  load(ref: RecordRef): Promise<unknown> {
    const key = refKey(ref);
    const known = this.loading.get(key);
    if (known) return known;
    const queue: { edit: StateEdit; save: boolean }[] = [];
    this.unloaded.set(key, queue);
    const replay = (stored: RecordState) => {
      this.unloaded.delete(key);
      let next = stored;
      for (const { edit } of queue) next = { ...next, ...edit(next) };
      this.states.set(key, next);
      return next;
    };
    const load = this.backend.recordState(ref).then(
      (stored) => {
        const next = replay(stored);
        if (queue.some((queued) => queued.save)) this.save(ref, next);
        this.changed();
      },
      // Unreadable: this page's own edits stay, and the card says history is unavailable.
      () => replay(emptyState(false)),
    );
    this.loading.set(key, load);
    return load;
  }

  /** Applies an edit (the stored state asked for first, if not yet); `save` writes it back. */
  edit(ref: RecordRef, edit: StateEdit, save: boolean): void {
    const key = refKey(ref);
    void this.load(ref);
    const current = this.get(ref);
    const next = { ...current, ...edit(current) };
    this.states.set(key, next);
    const queue = this.unloaded.get(key);
    if (queue) queue.push({ edit, save });
    else if (save) this.save(ref, next);
  }

  /** A write the store refused (quota, closed database): history is unavailable. */
  lost(ref: RecordRef): void {
    const key = refKey(ref);
    const state = this.states.get(key);
    if (!state?.available) return;
    this.states.set(key, { ...state, available: false });
    this.changed();
  }

  private save(ref: RecordRef, state: RecordState): void {
    void this.backend.saveRecordState(ref, state).catch(() => this.lost(ref));
  }
}
