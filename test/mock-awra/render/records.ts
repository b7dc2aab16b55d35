/** Record pages (invoice, payment, bill, customer) with a "Sync log" section. Invoices and bills
 * show fields as labelled read-only form controls; payments and customers as label/value spans. */
import { esc } from '../escape';
import { CONNECTOR_NAMES, HUB_STATUS, KIND_LABELS, chip, timeLog } from '../format';
import type { MockState } from '../state';
import type { Attempt, SourceRecord, SyncItem } from '../types';
import { kv, type Page, type Section } from './layout';

export type RecordRoute = 'invoices' | 'payments' | 'bills' | 'customers';
const KIND: Record<RecordRoute, SourceRecord['kind']> = {
  invoices: 'invoice',
  payments: 'payment',
  bills: 'bill',
  customers: 'customer',
};
const LIST_LABEL: Record<RecordRoute, [string, string]> = {
  invoices: ['Sales', 'Invoices'],
  payments: ['Payments', 'Payments'],
  bills: ['Procurement', 'Bills'],
  customers: ['Customers', 'Customers'],
};

function slug(label: string): string {
  return 'f-' + label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function formFields(r: SourceRecord): string {
  const inputs = r.fields.map(
    (f) =>
      `<div class="field"><label for="${slug(f.label)}">${esc(f.label)}</label><input id="${slug(f.label)}" name="${slug(f.label).slice(2)}" type="text" readonly value="${esc(f.value)}"${f.value ? '' : ' class="is-empty"'}></div>`,
  );
  const options = r.statusOptions
    .map((o) => `<option${o === r.docStatus ? ' selected' : ''}>${esc(o)}</option>`)
    .join('');
  inputs.push(
    `<div class="field"><label for="f-status">Status</label><select id="f-status" name="status" disabled>${options}</select></div>`,
  );
  return `<form class="record-form" aria-label="${esc(KIND_LABELS[r.kind])} details"><div class="form-grid">${inputs.join('')}</div></form>`;
}

function spanFields(r: SourceRecord): string {
  const rows = r.fields.map((f) => kv(f.label, esc(f.value)));
  rows.push(kv('Status', esc(r.docStatus)));
  return `<div class="kv-list">${rows.join('')}</div>`;
}

function spanEntry(a: Attempt, n: number): string {
  return (
    `<li class="log-entry">` +
    `<span class="k">Attempt</span> <span class="v">${n}</span> ` +
    `<span class="k">Status</span> <span class="v">${chip(a.status, HUB_STATUS[a.status], false)}</span> ` +
    `<span class="k">Message</span> <span class="v msg">${esc(a.message)}</span> ` +
    `<span class="k">Time</span> <span class="v">${esc(timeLog(a.at))}</span> ` +
    `<span class="k">Sync run</span> <span class="v">${esc(a.run)}</span></li>`
  );
}

function lineEntry(a: Attempt, n: number): string {
  const msg = a.message ? `: <span class="msg">${esc(a.message)}</span>` : '';
  return `<li class="log-line"><time>${esc(timeLog(a.at))}</time> — <strong>${esc(HUB_STATUS[a.status])}</strong> · attempt ${n} · ${esc(a.run)}${msg}</li>`;
}

export function syncLogSection(it: SyncItem): string {
  const lines = it.kind === 'payment';
  const entries = it.attempts.map((a, i) => (lines ? lineEntry(a, i + 1) : spanEntry(a, i + 1)));
  const list = lines
    ? `<ul class="log">${entries.join('')}</ul>`
    : `<ol class="log">${entries.join('')}</ol>`;
  const needsRetry = it.status === 'failed' || it.status === 'needs-attention';
  const button = `<button type="button" class="btn${needsRetry ? ' btn-primary' : ''}" data-action="retry" data-record="${esc(it.record)}">${needsRetry ? 'Retry' : 'Sync now'}</button>`;
  return `<section class="card sync-log" data-live="synclog:${esc(it.record)}" aria-labelledby="sync-log-h">
<div class="section-head"><h2 id="sync-log-h">Sync log</h2>${button}</div>
<div class="kv-row">${kv('Connector', esc(CONNECTOR_NAMES[it.connector]))}${kv('Sync status', chip(it.status, HUB_STATUS[it.status]))}${kv('Retries', String(it.retries))}</div>
${list}
</section>`;
}

/** A minimal source record for generated rows (they have no seeded document). */
function synthesize(it: SyncItem, kind: SourceRecord['kind']): SourceRecord {
  const fields = [
    { label: kind === 'bill' ? 'Vendor' : 'Customer', value: it.party ?? '' },
    { label: 'Branch', value: it.branch ?? '' },
  ];
  if (it.amount) fields.push({ label: 'Amount', value: it.amount });
  return {
    number: it.record,
    kind,
    docStatus: 'Posted',
    statusOptions: ['Draft', 'Posted'],
    fields,
  };
}

export function renderRecord(state: MockState, route: RecordRoute, id: string): Page | null {
  const kind = KIND[route];
  const found = state.find(id);
  const item = found && found.kind === kind ? found : null;
  const seeded = state.records.get(id);
  const source = seeded && seeded.kind === kind ? seeded : item ? synthesize(item, kind) : null;
  if (!source) return null;
  const label = `${KIND_LABELS[kind]} ${source.number}`;
  const useForm = kind === 'invoice' || kind === 'bill';
  const canPost = source.docStatus === 'Draft' || source.docStatus === 'Awaiting approval';
  const post = canPost
    ? `<button type="button" class="btn btn-primary" data-action="post-record" data-record="${esc(source.number)}">Post ${esc(kind)}</button>`
    : '';
  const main = `<div class="page-head"><h1>${esc(label)}</h1><span class="badge">${esc(source.docStatus)}</span><div class="head-actions" data-live="actions:${esc(source.number)}">${post}</div></div>
<section class="card" aria-label="${esc(KIND_LABELS[kind])} details">${useForm ? formFields(source) : spanFields(source)}</section>
${item ? syncLogSection(item) : ''}`;
  const [group, list] = LIST_LABEL[route];
  const crumbs =
    group === list
      ? [{ label: list, href: `/${route}` }, { label: source.number }]
      : [{ label: group }, { label: list, href: `/${route}` }, { label: source.number }];
  return { title: label, section: route as Section, crumbs, main };
}
