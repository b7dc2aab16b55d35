/** Data model of the mock AWRA app. */
export type StatusKey =
  | 'failed'
  | 'succeeded'
  | 'pending'
  | 'queued'
  | 'retrying'
  | 'needs-attention'
  | 'cancelled'
  | 'skipped';

/** How a sync item reacts to a retry (the message type the seed intends, or a non-error state). */
export type Scenario =
  | 'ok'
  | 'waiting'
  | 'missing-required-field'
  | 'mapping-missing'
  | 'authorization-failed'
  | 'duplicate-detected'
  | 'temporary-provider-issue'
  | 'not-ready'
  | 'unknown';

export type ConnectorId = 'qbo' | 'paystack' | 'mpesa' | 'smtp' | 'sms' | 'webhooks';

export type RecordKind = 'invoice' | 'payment' | 'bill' | 'customer' | 'notification' | 'webhook';

export interface Attempt {
  run: string;
  /** Mock clock, ms since epoch (rendered as Nairobi local time without conversion). */
  at: number;
  status: StatusKey;
  message: string;
}

export interface Delivery {
  event: string;
  endpoint: string;
}

/** The current sync state of one record on one connector (one row in Sync Hub). */
export interface SyncItem {
  record: string;
  kind: RecordKind;
  connector: ConnectorId;
  run: string;
  status: StatusKey;
  message: string;
  retries: number;
  lastAttempt: number;
  scenario: Scenario;
  /** Message shown once a retry succeeds. */
  successMessage: string;
  /** Mapping whose link decides the outcome of a mapping-missing retry. */
  mappingId?: string;
  /** Failures left before a temporary provider issue clears. */
  transientLeft?: number;
  /** Customer (sales side) or vendor (bills). */
  party?: string;
  amount?: string;
  branch?: string;
  delivery?: Delivery;
  attempts: Attempt[];
}

export interface Field {
  label: string;
  value: string;
}

/** The AWRA source document behind a sync item (invoice, payment, bill, customer). */
export interface SourceRecord {
  number: string;
  kind: 'invoice' | 'payment' | 'bill' | 'customer';
  docStatus: string;
  statusOptions: string[];
  fields: Field[];
}

export interface Connector {
  id: ConnectorId;
  name: string;
  authorized: boolean;
  description: string;
  /** Latest connection event (e.g. re-authorization), shown as the card's last message when newest. */
  event?: { at: number; message: string };
}

export interface Mapping {
  id: string;
  kind: string;
  awraValue: string;
  outsideValue: string;
  suggested: string;
  connector: ConnectorId;
  linked: boolean;
  note: string;
}

export interface User {
  name: string;
  role: string;
  branch: string;
}

export interface SyncQuery {
  connector: string;
  status: string;
  q: string;
  rows: number | null;
}
