/** The Analysis contract shared by the content script, popup, CLI and tests (see design.md). */
export const PAGE_KINDS = ['sync-hub', 'qbo-sync', 'integrations', 'sync-log'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const MESSAGE_TYPES = [
  'missing-required-field',
  'mapping-missing',
  'authorization-failed',
  'duplicate-detected',
  'temporary-provider-issue',
  'not-ready',
  'unknown',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const STATUSES = [
  'failed',
  'succeeded',
  'pending',
  'queued',
  'retrying',
  'skipped',
  'needs-attention',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

/** Text fields of a record, in the order the CLI prints them. */
export const TEXT_FIELDS = [
  'recordNumber',
  'recordType',
  'connector',
  'syncRun',
  'message',
  'timestamp',
  'customer',
  'vendor',
  'amount',
  'module',
  'branch',
  'warehouse',
  'user',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Every field a page can label: the text fields plus status and retry count. */
export const RECORD_FIELDS = [...TEXT_FIELDS, 'status', 'retryCount'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export interface SyncRecord {
  recordNumber: string | null;
  recordType: string | null;
  connector: string | null;
  syncRun: string | null;
  status: Status | null;
  message: string | null;
  messageType: MessageType | null;
  retryCount: number | null;
  timestamp: string | null;
  customer: string | null;
  vendor: string | null;
  amount: string | null;
  module: string | null;
  branch: string | null;
  warehouse: string | null;
  user: string | null;
  /** Where the overlay attaches; never serialised. */
  anchor?: Element;
  /**
   * A list row read to its status and connector only (AnalyzeOptions.skim): every other field
   * is null because it was not read. Never serialised.
   */
  skimmed?: true;
}

export interface Analysis {
  page: PageKind | null;
  records: SyncRecord[];
}

export function emptyRecord(): SyncRecord {
  return {
    recordNumber: null,
    recordType: null,
    connector: null,
    syncRun: null,
    status: null,
    message: null,
    messageType: null,
    retryCount: null,
    timestamp: null,
    customer: null,
    vendor: null,
    amount: null,
    module: null,
    branch: null,
    warehouse: null,
    user: null,
  };
}
