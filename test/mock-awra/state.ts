/** In-memory state of one mock AWRA instance and its behaviour (retry state machine, fixes). */
import { CLOCK_START, CONNECTOR_NAMES, KIND_LABELS } from './format';
import { MAX_ROWS, generatedItems, parseGenerated } from './generate';
import { buildItem, runId } from './seed-build';
import { QBO_ITEMS } from './seed-qbo';
import { seedConnectors, seedMappings } from './seed-config';
import { PROVIDER_ITEMS } from './seed-providers';
import { seedRecords } from './seed-records';
import { WEBHOOK_ITEMS } from './seed-webhooks';
import type {
  Connector,
  Mapping,
  SourceRecord,
  StatusKey,
  SyncItem,
  SyncQuery,
  User,
} from './types';

const READY_STATES = new Set(['Posted', 'Approved', 'Confirmed', 'Active']);
const DEFAULT_USER: User = { name: 'Amina Wanjiru', role: 'Finance User', branch: 'Nairobi HQ' };

export class MockState {
  items = new Map<string, SyncItem>();
  records = new Map<string, SourceRecord>();
  connectors: Connector[] = [];
  mappings: Mapping[] = [];
  /** Changed copies of generated rows (retried or mutated). */
  overrides = new Map<string, SyncItem>();
  user: User = { ...DEFAULT_USER };
  clock = CLOCK_START;
  nextRun = 433;
  mutations = 0;
  version = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.items = new Map(
      [...QBO_ITEMS, ...PROVIDER_ITEMS, ...WEBHOOK_ITEMS].map((s) => [s.record, buildItem(s)]),
    );
    this.records = new Map(seedRecords().map((r) => [r.number, r]));
    this.connectors = seedConnectors();
    this.mappings = seedMappings();
    this.overrides.clear();
    this.user = { ...DEFAULT_USER };
    this.clock = CLOCK_START;
    this.nextRun = 433;
    this.mutations = 0;
    this.version = 0;
  }

  /** Advances the mock clock (every action happens a little later than the previous one). */
  tick(): number {
    this.clock += 47_000;
    return this.clock;
  }

  find(record: string): SyncItem | null {
    return this.items.get(record) ?? this.overrides.get(record) ?? parseGenerated(record);
  }

  connector(idOrName: string): Connector | undefined {
    const key = idOrName.trim().toLowerCase();
    return this.connectors.find((c) => c.id === key || c.name.toLowerCase() === key);
  }

  /** Sync Hub rows: the seed, or N generated rows, then the filters. */
  list(query: SyncQuery): SyncItem[] {
    const base =
      query.rows === null
        ? [...this.items.values()]
        : generatedItems(Math.min(query.rows, MAX_ROWS)).map(
            (it) => this.overrides.get(it.record) ?? it,
          );
    return filterItems(base, query);
  }

  private save(item: SyncItem): void {
    if (!this.items.has(item.record)) this.overrides.set(item.record, item);
    this.version++;
  }

  private record(item: SyncItem, status: StatusKey, message: string, at: number): void {
    item.status = status;
    item.message = message;
    item.lastAttempt = at;
    item.attempts.push({ run: item.run, at, status, message });
    this.save(item);
  }

  /** One retry: the outcome depends on the cause behind the message, as in a live system. */
  retry(recordNumber: string): SyncItem | null {
    const found = this.find(recordNumber);
    if (!found) return null;
    const item = this.items.has(found.record) ? found : structuredClone(found);
    const at = this.tick();
    item.run = runId(this.nextRun++);
    item.retries++;
    let ok = false;
    switch (item.scenario) {
      case 'ok':
        ok = true;
        break;
      case 'mapping-missing':
        ok = this.mappings.find((m) => m.id === item.mappingId)?.linked === true;
        break;
      case 'authorization-failed':
        ok = this.connector(item.connector)?.authorized === true;
        break;
      case 'temporary-provider-issue':
        if ((item.transientLeft ?? 0) > 0) item.transientLeft = (item.transientLeft ?? 1) - 1;
        else ok = true;
        break;
      case 'not-ready':
        ok = READY_STATES.has(this.records.get(item.record)?.docStatus ?? 'Draft');
        break;
      default:
        // missing field, duplicate, unknown, waiting: nothing changed, so nothing changes
        break;
    }
    if (ok) {
      item.scenario = 'ok';
      this.record(item, 'succeeded', item.successMessage, at);
    } else {
      const keep = ['pending', 'queued', 'needs-attention', 'cancelled'].includes(item.status);
      this.record(item, keep ? item.status : 'failed', item.message, at);
    }
    return item;
  }

  reconnect(idOrName: string): Connector | null {
    const c = this.connector(idOrName);
    if (!c) return null;
    c.authorized = true;
    c.event = { at: this.tick(), message: `Connection re-authorized by ${this.user.name}` };
    this.version++;
    return c;
  }

  fixMapping(id: string): Mapping | null {
    const m = this.mappings.find((x) => x.id === id);
    if (!m) return null;
    m.linked = true;
    m.outsideValue = m.suggested;
    m.note = `Linked by ${this.user.name}`;
    this.tick();
    this.version++;
    return m;
  }

  /** Posts (approves) a draft source document so it becomes ready to sync. */
  postRecord(number: string): SourceRecord | null {
    const r = this.records.get(number);
    if (!r) return null;
    r.docStatus = r.kind === 'payment' ? 'Confirmed' : r.kind === 'customer' ? 'Active' : 'Posted';
    this.tick();
    this.version++;
    return r;
  }

  /** Live-update helper: changes one row of the (filtered) list in place. */
  mutate(query: SyncQuery): SyncItem | null {
    const list = this.list(query);
    const n = this.mutations++;
    const target = list[Math.floor(hash(n) * list.length)];
    if (!target) return null;
    const item = this.items.has(target.record) ? target : structuredClone(target);
    const at = this.tick();
    switch (item.status) {
      case 'failed':
        item.retries++;
        this.record(item, 'retrying', item.message, at);
        break;
      case 'succeeded': {
        const message = `Timeout after 30s waiting for ${CONNECTOR_NAMES[item.connector]}`;
        item.scenario = 'temporary-provider-issue';
        item.transientLeft = 0;
        this.record(item, 'failed', message, at);
        break;
      }
      case 'needs-attention':
      case 'cancelled':
      case 'skipped':
        this.record(item, 'queued', '', at);
        break;
      default:
        item.scenario = 'ok';
        this.record(item, 'succeeded', item.successMessage, at);
    }
    return item;
  }
}

function hash(n: number): number {
  let x = Math.imul(n + 0x632be5ab, 0x9e3779b1);
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca77);
  x ^= x >>> 13;
  return (x >>> 0) / 4294967296;
}

export function filterItems(items: SyncItem[], query: SyncQuery): SyncItem[] {
  const q = query.q.trim().toLowerCase();
  const conn = query.connector;
  const status = query.status;
  if (!q && !conn && !status) return items;
  return items.filter((it) => {
    if (conn && it.connector !== conn) return false;
    if (status && it.status !== status) return false;
    if (!q) return true;
    const hay = [
      it.record,
      KIND_LABELS[it.kind],
      CONNECTOR_NAMES[it.connector],
      it.run,
      it.message,
      it.party ?? '',
      it.delivery?.event ?? '',
    ];
    return hay.some((h) => h.toLowerCase().includes(q));
  });
}
