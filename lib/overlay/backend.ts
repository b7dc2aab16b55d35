import type { RecordHistory } from '../guidance/types';

export interface RecordState {
  available: boolean;
  history: RecordHistory;
  ticks: string[];
  collapsed: boolean;
  dismissed: boolean;
}

export interface RecordRef {
  connector: string;
  recordNumber: string;
}

/** What the overlay asks of the background (IndexedDB lives there, never in the page's origin). */
export interface OverlayBackend {
  recordState(ref: RecordRef): Promise<RecordState>;
  noteFailures(
    records: (RecordRef & { messageType: string | null; message: string | null })[],
  ): Promise<Record<string, number>>;
  /** Rejects when the attempt was not stored (history unavailable). */
  recordRetry(ref: RecordRef & { message: string | null; overridden: boolean }): Promise<void>;
  recordOutcome(ref: RecordRef & { outcome: string }): Promise<void>;
  /** Rejects when the state was not stored (history unavailable). */
  saveRecordState(
    ref: RecordRef,
    state: Pick<RecordState, 'ticks' | 'collapsed' | 'dismissed'>,
  ): Promise<void>;
  /** Opens the escalation popup for this record; false when the browser would not open it. */
  openEscalation(ref: RecordRef & { trigger: string | null }): Promise<boolean>;
}

export const emptyState = (available: boolean): RecordState => ({
  available,
  history: { attempts: [] },
  ticks: [],
  collapsed: false,
  dismissed: false,
});
