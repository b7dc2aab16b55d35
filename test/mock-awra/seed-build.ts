/** Turns compact seed specs into sync items with a plausible attempt history. */
import { CLOCK_START } from './format';
import type { ConnectorId, Delivery, RecordKind, Scenario, StatusKey, SyncItem } from './types';

export interface ItemSpec {
  record: string;
  kind: RecordKind;
  connector: ConnectorId;
  /** Sync run number, rendered SR-2026-11-0412. */
  run: number;
  status: StatusKey;
  scenario: Scenario;
  message: string;
  retries: number;
  /** Time of the last attempt on 18 Nov 2026, "HH:MM" or "HH:MM:SS", or mock-clock ms. */
  at: string | number;
  success: string;
  party?: string;
  amount?: string;
  branch?: string;
  mappingId?: string;
  transientLeft?: number;
  delivery?: Delivery;
}

export function runId(n: number): string {
  return `SR-2026-11-${String(n).padStart(4, '0')}`;
}

function clockAt(hhmm: string | number): number {
  if (typeof hhmm === 'number') return hhmm;
  const [h = 0, m = 0, s = 0] = hhmm.split(':').map(Number);
  return CLOCK_START + ((h - 9) * 3600 + m * 60 + s) * 1000;
}

export function buildItem(spec: ItemSpec): SyncItem {
  const last = clockAt(spec.at);
  const attempts = [];
  for (let k = 0; k <= spec.retries; k++) {
    const back = spec.retries - k;
    // earlier attempts were failures with the same message, a few minutes apart
    attempts.push({
      run: runId(spec.run - back * 6),
      at: last - back * 7 * 60_000 - back * 13_000,
      status: back === 0 ? spec.status : ('failed' as const),
      message: spec.message,
    });
  }
  const item: SyncItem = {
    record: spec.record,
    kind: spec.kind,
    connector: spec.connector,
    run: runId(spec.run),
    status: spec.status,
    message: spec.message,
    retries: spec.retries,
    lastAttempt: last,
    scenario: spec.scenario,
    successMessage: spec.success,
    attempts,
  };
  if (spec.party !== undefined) item.party = spec.party;
  if (spec.amount !== undefined) item.amount = spec.amount;
  if (spec.branch !== undefined) item.branch = spec.branch;
  if (spec.mappingId !== undefined) item.mappingId = spec.mappingId;
  if (spec.transientLeft !== undefined) item.transientLeft = spec.transientLeft;
  if (spec.delivery !== undefined) item.delivery = { ...spec.delivery };
  return item;
}
