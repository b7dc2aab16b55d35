/** Shared formatting: names, status wording per screen, timestamps, links. */
import { esc } from './escape';
import type { ConnectorId, RecordKind, StatusKey } from './types';

export const CONNECTOR_NAMES: Record<ConnectorId, string> = {
  qbo: 'QuickBooks Online',
  paystack: 'Paystack',
  mpesa: 'M-Pesa (Daraja)',
  smtp: 'SMTP email',
  sms: 'SMS gateway',
  webhooks: 'Webhooks',
};
export const CONNECTOR_IDS = Object.keys(CONNECTOR_NAMES) as ConnectorId[];

export const KIND_LABELS: Record<RecordKind, string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  bill: 'Bill',
  customer: 'Customer',
  notification: 'Notification',
  webhook: 'Webhook delivery',
};

/** Sync Hub and record pages. */
export const HUB_STATUS: Record<StatusKey, string> = {
  failed: 'Failed',
  succeeded: 'Succeeded',
  pending: 'Pending',
  queued: 'Queued',
  retrying: 'Retrying',
  'needs-attention': 'Needs attention',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};
/** QBO Sync wording. */
export const QBO_STATUS: Record<StatusKey, string> = {
  failed: 'Rejected',
  succeeded: 'Accepted',
  pending: 'Waiting',
  queued: 'Queued',
  retrying: 'Retrying',
  'needs-attention': 'Blocked',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};
/** Webhook delivery "Result" wording. */
export const DELIVERY_STATUS: Record<StatusKey, string> = {
  ...HUB_STATUS,
  succeeded: 'Delivered',
};

export const STATUS_KEYS = Object.keys(HUB_STATUS) as StatusKey[];

/** A status badge; `current` marks the record's current status (the client flips it to Retrying). */
export function chip(status: StatusKey, label: string, current = true): string {
  const cls = current ? ` status-current` : '';
  return `<span class="chip chip-${status}${cls}">${esc(label)}</span>`;
}

/** Start of the mock clock: 18 Nov 2026 09:00 Nairobi time (stored as if UTC, shown unconverted). */
export const CLOCK_START = Date.UTC(2026, 10, 18, 9, 0, 0);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(ms: number) {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(d.getUTCFullYear()),
    mo: p(d.getUTCMonth() + 1),
    mon: MONTHS[d.getUTCMonth()] ?? '',
    d: p(d.getUTCDate()),
    h: p(d.getUTCHours()),
    mi: p(d.getUTCMinutes()),
    s: p(d.getUTCSeconds()),
  };
}

const hubCache = new Map<number, string>();

/** "2026-11-18 09:41" (Sync Hub); cached per minute because big lists format many times. */
export function timeHub(ms: number): string {
  const minute = Math.floor(ms / 60_000);
  let text = hubCache.get(minute);
  if (text === undefined) {
    const t = parts(ms);
    text = `${t.y}-${t.mo}-${t.d} ${t.h}:${t.mi}`;
    if (hubCache.size > 100_000) hubCache.clear();
    hubCache.set(minute, text);
  }
  return text;
}
/** "18 Nov 2026, 09:41" (QBO Sync). */
export function timeQbo(ms: number): string {
  const t = parts(ms);
  return `${t.d} ${t.mon} ${t.y}, ${t.h}:${t.mi}`;
}
/** "2026-11-18 09:41 EAT" (Integrations). */
export function timeIntegrations(ms: number): string {
  return `${timeHub(ms)} EAT`;
}
/** "18/11/2026 09:41:07" (record sync logs). */
export function timeLog(ms: number): string {
  const t = parts(ms);
  return `${t.d}/${t.mo}/${t.y} ${t.h}:${t.mi}:${t.s}`;
}

export function recordHref(kind: RecordKind, record: string): string | null {
  const base: Partial<Record<RecordKind, string>> = {
    invoice: '/invoices/',
    payment: '/payments/',
    bill: '/bills/',
    customer: '/customers/',
  };
  const prefix = base[kind];
  return prefix ? prefix + encodeURIComponent(record) : null;
}

export function recordLink(kind: RecordKind, record: string): string {
  const href = recordHref(kind, record);
  return href ? `<a href="${esc(href)}">${esc(record)}</a>` : esc(record);
}
