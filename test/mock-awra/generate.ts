/** Deterministic generated sync rows for large lists (`/sync-hub?rows=N`). */
import { CLOCK_START } from './format';
import { buildItem, type ItemSpec } from './seed-build';
import type { ConnectorId, RecordKind, Scenario, StatusKey, SyncItem } from './types';

export const MAX_ROWS = 20000;

type Template = [Scenario, (rec: string) => string];

const TEMPLATES: Record<ConnectorId, Template[]> = {
  qbo: [
    [
      'mapping-missing',
      () => "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks",
    ],
    [
      'mapping-missing',
      () =>
        "Invalid Reference Id: Payment method 'M-Pesa Paybill 522533' is not mapped in QuickBooks",
    ],
    [
      'missing-required-field',
      () => 'Business Validation Error: You must select a customer for this transaction.',
    ],
    [
      'missing-required-field',
      () => 'Required param missing, need to supply the required value for the API: Line.Amount',
    ],
    [
      'duplicate-detected',
      (r) => `Duplicate Document Number Error (6140): Another document already uses ${r}`,
    ],
    ['temporary-provider-issue', () => 'ThrottleExceeded: request rate limit reached (429)'],
    [
      'temporary-provider-issue',
      () => 'Service Unavailable (503): QuickBooks Online is temporarily unavailable',
    ],
    [
      'unknown',
      () => 'Stale Object Error (5010): You and another user were working on the same thing',
    ],
  ],
  paystack: [
    [
      'temporary-provider-issue',
      () => 'Gateway Timeout (504): api.paystack.co did not respond within 30s',
    ],
    [
      'duplicate-detected',
      (r) => `Duplicate Transaction Reference: reference ${r}-KE has already been used`,
    ],
    ['unknown', () => 'Transaction reference not found'],
  ],
  mpesa: [
    ['authorization-failed', () => 'AuthenticationFailed: Token expired (401)'],
    [
      'temporary-provider-issue',
      () => '503 Service Unavailable: Spike arrest violation, retry later',
    ],
    ['unknown', () => 'ResultCode 1037: DS timeout user cannot be reached'],
  ],
  smtp: [
    ['authorization-failed', () => '535 5.7.8 Authentication credentials invalid'],
    ['temporary-provider-issue', () => '421 4.7.0 Try again later, closing connection'],
  ],
  sms: [
    [
      'temporary-provider-issue',
      () => '503 Service Unavailable: SMS gateway is overloaded, try again later',
    ],
    ['missing-required-field', () => 'Recipient phone number is required'],
  ],
  webhooks: [
    ['temporary-provider-issue', () => '502 Bad Gateway: upstream endpoint did not answer'],
    ['temporary-provider-issue', () => 'Timeout after 10s: no response from endpoint'],
    ['unknown', () => '410 Gone: endpoint no longer accepts deliveries'],
  ],
};

const MAPPING_IDS: Record<string, string> = {
  'Sales - M-Pesa': 'MAP-ACC-01',
  'M-Pesa Paybill': 'MAP-PM-02',
};

const COMBOS: Array<[RecordKind, ConnectorId, string, number]> = [
  ['invoice', 'qbo', 'INV', 200000],
  ['invoice', 'qbo', 'INV', 200000],
  ['payment', 'qbo', 'PAY', 880000],
  ['bill', 'qbo', 'BILL', 300000],
  ['customer', 'qbo', 'CUS', 100000],
  ['payment', 'paystack', 'PAY', 880000],
  ['payment', 'mpesa', 'PAY', 880000],
  ['notification', 'smtp', 'NTF', 500000],
  ['notification', 'sms', 'NTF', 500000],
  ['webhook', 'webhooks', 'DLV', 700000],
];
const PARTIES = [
  'Kilimo Fresh Ltd',
  'Mombasa Traders',
  'Lakeside Supermarket',
  'Rift Valley Agrovet',
  'Wanjiku Stores',
  'Thika Dairy Supplies',
];
const BRANCHES = [
  'Nairobi HQ',
  'Westlands Branch',
  'Mombasa Branch',
  'Kisumu Branch',
  'Nakuru Branch',
];
const EVENTS = ['invoice.posted', 'payment.received', 'customer.updated', 'bill.approved'];
const KIND_WORD: Record<RecordKind, string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  bill: 'Bill',
  customer: 'Customer',
  notification: 'Notification',
  webhook: 'Delivery',
};

/** "KES 12,345.67" from cents, without depending on ICU data. */
function kes(cents: number): string {
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `KES ${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** Deterministic hash of (i, salt) into [0, 1). */
function rand(i: number, salt: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}
function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length) % list.length] as T;
}

export function generatedItem(i: number): SyncItem {
  const [kind, connector, prefix, base] = pick(COMBOS, rand(i, 1));
  const record = `${prefix}-${base + i}`;
  const s = rand(i, 2);
  let status: StatusKey = 'succeeded';
  let scenario: Scenario = 'ok';
  let message =
    connector === 'webhooks' ? '200 OK' : `Synced: ${KIND_WORD[kind]} accepted by provider`;
  if (s >= 0.55 && s < 0.8) {
    const [sc, text] = pick(TEMPLATES[connector], rand(i, 3));
    status = 'failed';
    scenario = sc;
    message = text(record);
  } else if (s >= 0.8 && s < 0.86) {
    [status, scenario, message] = ['pending', 'waiting', 'Awaiting confirmation from provider'];
  } else if (s >= 0.86 && s < 0.91) {
    [status, scenario, message] = ['queued', 'waiting', ''];
  } else if (s >= 0.91 && s < 0.95) {
    status = 'needs-attention';
    scenario = 'not-ready';
    message = `${KIND_WORD[kind]} ${record} is awaiting approval and cannot be synced`;
  } else if (s >= 0.95 && s < 0.98) {
    [status, scenario, message] = ['cancelled', 'unknown', 'Cancelled by user'];
  } else if (s >= 0.98) {
    [status, scenario, message] = ['skipped', 'ok', 'Skipped: no changes since last sync'];
  }
  const spec: ItemSpec = {
    record,
    kind,
    connector,
    status,
    scenario,
    message,
    run: 1000 + Math.floor(i / 7),
    retries: status === 'failed' ? Math.floor(rand(i, 6) * 4) : 0,
    at: CLOCK_START - 60_000 - i * 9_000,
    success:
      connector === 'webhooks' ? '200 OK' : `Synced: ${KIND_WORD[kind]} accepted by provider`,
    party: pick(PARTIES, rand(i, 4)),
    branch: pick(BRANCHES, rand(i, 7)),
  };
  if (kind !== 'customer' && kind !== 'notification' && kind !== 'webhook') {
    spec.amount = kes(10_000 + Math.floor(rand(i, 5) * 9_900_000));
  }
  if (scenario === 'temporary-provider-issue') spec.transientLeft = 1;
  if (scenario === 'mapping-missing') {
    const key = Object.keys(MAPPING_IDS).find((k) => message.includes(k));
    if (key) spec.mappingId = MAPPING_IDS[key];
  }
  if (kind === 'webhook') {
    spec.delivery = {
      event: pick(EVENTS, rand(i, 8)),
      endpoint: 'https://hooks.kilimofresh.co.ke/awra',
    };
  }
  return buildItem(spec);
}

export function generatedItems(n: number): SyncItem[] {
  const count = Math.max(0, Math.min(MAX_ROWS, Math.floor(n)));
  const out = new Array<SyncItem>(count);
  for (let i = 0; i < count; i++) out[i] = generatedItem(i);
  return out;
}

/** The generated item behind a generated record number, or null. */
export function parseGenerated(record: string): SyncItem | null {
  const m = /^([A-Z]+)-(\d{6})$/.exec(record);
  if (!m) return null;
  for (const [, , prefix, base] of COMBOS) {
    if (prefix !== m[1]) continue;
    const i = Number(m[2]) - base;
    if (i < 0 || i >= MAX_ROWS) continue;
    const item = generatedItem(i);
    if (item.record === record) return item;
  }
  return null;
}
