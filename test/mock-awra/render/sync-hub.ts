/** Sync Hub: a classic <table> with <thead>, filters in the query string, ?rows=N for big lists. */
import { esc } from '../escape';
import {
  CONNECTOR_IDS,
  CONNECTOR_NAMES,
  HUB_STATUS,
  KIND_LABELS,
  STATUS_KEYS,
  chip,
  recordLink,
  timeHub,
} from '../format';
import { MAX_ROWS } from '../generate';
import type { MockState } from '../state';
import type { SyncItem, SyncQuery } from '../types';
import type { Page } from './layout';

export function parseQuery(url: URL): SyncQuery {
  const rowsRaw = url.searchParams.get('rows');
  const rows = rowsRaw && /^\d+$/.test(rowsRaw) ? Math.min(Number(rowsRaw), MAX_ROWS) : null;
  const connector = url.searchParams.get('connector') ?? '';
  const status = url.searchParams.get('status') ?? '';
  return {
    connector: (CONNECTOR_IDS as string[]).includes(connector) ? connector : '',
    status: (STATUS_KEYS as string[]).includes(status) ? status : '',
    q: (url.searchParams.get('q') ?? '').slice(0, 200),
    rows,
  };
}

function isoLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function hubRow(it: SyncItem): string {
  const action =
    it.status === 'failed'
      ? `<button type="button" class="btn btn-sm" data-action="retry" data-record="${esc(it.record)}">Retry</button>`
      : '';
  return (
    `<tr data-live="row:${esc(it.record)}" data-record="${esc(it.record)}">` +
    `<td>${recordLink(it.kind, it.record)}</td>` +
    `<td>${esc(KIND_LABELS[it.kind])}</td>` +
    `<td>${esc(CONNECTOR_NAMES[it.connector])}</td>` +
    `<td>${esc(it.run)}</td>` +
    `<td>${chip(it.status, HUB_STATUS[it.status])}</td>` +
    `<td class="msg">${esc(it.message)}</td>` +
    `<td class="num">${it.retries}</td>` +
    `<td><time datetime="${isoLocal(it.lastAttempt)}">${esc(timeHub(it.lastAttempt))}</time></td>` +
    `<td class="actions">${action}</td></tr>`
  );
}

function option(value: string, label: string, selected: string): string {
  const sel = value === selected ? ' selected' : '';
  return `<option value="${esc(value)}"${sel}>${esc(label)}</option>`;
}

function filtersForm(query: SyncQuery, live: boolean): string {
  const connectors = CONNECTOR_IDS.map((id) => option(id, CONNECTOR_NAMES[id], query.connector));
  const statuses = STATUS_KEYS.map((s) => option(s, HUB_STATUS[s], query.status));
  const hidden =
    (query.rows !== null ? `<input type="hidden" name="rows" value="${query.rows}">` : '') +
    (live ? '<input type="hidden" name="live" value="1">' : '');
  return `<form class="filters" method="get" action="/sync-hub" aria-label="Filter sync records">
<label>Connector <select name="connector">${option('', 'All connectors', query.connector)}${connectors.join('')}</select></label>
<label>Status <select name="status">${option('', 'All statuses', query.status)}${statuses.join('')}</select></label>
<label>Search <input type="search" name="q" value="${esc(query.q)}" placeholder="Record, customer, run or message"></label>
${hidden}<button type="submit" class="btn">Apply</button> <a class="btn btn-link" href="/sync-hub">Clear</a>
</form>`;
}

export function renderSyncHub(state: MockState, url: URL): Page {
  const query = parseQuery(url);
  const live = url.searchParams.get('live') === '1';
  const rows = state.list(query);
  const total = query.rows ?? state.items.size;
  const failed = rows.reduce((n, it) => n + (it.status === 'failed' ? 1 : 0), 0);
  const body: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) body[i] = hubRow(rows[i] as SyncItem);
  if (rows.length === 0) {
    body.push('<tr><td colspan="9" class="empty">No sync records match these filters.</td></tr>');
  }
  const heads = [
    'Record',
    'Type',
    'Connector',
    'Sync run',
    'Status',
    'Message',
    'Retries',
    'Last attempt',
  ];
  const main = `<div class="page-head"><h1>Sync Hub</h1>${live ? '<span class="live-badge">Live updates on</span>' : ''}</div>
<p class="lede">Sync runs and records across all connectors. Read the message before you retry.</p>
${filtersForm(query, live)}
<p class="summary">Showing ${rows.length} of ${total} sync records · ${failed} failed</p>
<div class="table-wrap"><table class="data sync-table" aria-label="Sync records" data-view="hub">
<thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}<th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
<tbody>${body.join('\n')}</tbody>
</table></div>`;
  return { title: 'Sync Hub', section: 'sync-hub', crumbs: [{ label: 'Sync Hub' }], main };
}
