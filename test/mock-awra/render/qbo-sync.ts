/** QBO Sync: an ARIA grid made of divs, and a single-record detail (dl + role=alert banner). */
import { esc } from '../escape';
import { KIND_LABELS, QBO_STATUS, chip, recordLink, timeQbo } from '../format';
import { filterItems } from '../state';
import type { MockState } from '../state';
import type { SyncItem } from '../types';
import type { Page } from './layout';
import { parseQuery } from './sync-hub';

const HEADS = [
  'Document',
  'Doc type',
  'Run',
  'QuickBooks status',
  'QuickBooks message',
  'Attempts',
  'When',
];

export function qboRow(it: SyncItem, index: number): string {
  const retry =
    it.status === 'failed'
      ? `<button type="button" class="btn btn-sm" data-action="retry" data-record="${esc(it.record)}">Retry</button>`
      : '';
  const cells = [
    `<a href="/qbo-sync/${esc(encodeURIComponent(it.record))}">${esc(it.record)}</a>`,
    esc(KIND_LABELS[it.kind]),
    esc(it.run),
    chip(it.status, QBO_STATUS[it.status]),
    esc(it.message),
    String(it.retries),
    esc(timeQbo(it.lastAttempt)),
    retry,
  ];
  return (
    `<div role="row" class="grid-row" aria-rowindex="${index}" data-live="row:${esc(it.record)}">` +
    cells.map((c) => `<div role="gridcell">${c}</div>`).join('') +
    '</div>'
  );
}

function qboItems(state: MockState): SyncItem[] {
  return [...state.items.values()].filter((it) => it.connector === 'qbo');
}

export function renderQboList(state: MockState, url: URL): Page {
  const query = { ...parseQuery(url), connector: '', rows: null };
  const all = qboItems(state);
  const items = filterItems(all, query);
  const rejected = all.filter((it) => it.status === 'failed').length;
  const tabs = [
    ['', 'All'],
    ['failed', 'Rejected'],
    ['needs-attention', 'Blocked'],
    ['succeeded', 'Accepted'],
  ]
    .map(([s = '', label = '']) => {
      const cur = s === query.status ? ' aria-current="true" class="tab active"' : ' class="tab"';
      return `<a href="/qbo-sync${s ? `?status=${s}` : ''}"${cur}>${esc(label)}</a>`;
    })
    .join('');
  const header = HEADS.map((h) => `<div role="columnheader">${esc(h)}</div>`).join('');
  const rows = items.map((it, i) => qboRow(it, i + 2));
  const main = `<h1>QBO Sync</h1>
<p class="lede">Finance sync status for QuickBooks Online company <strong>Kilimo Group Ltd</strong> · ${rejected} documents rejected by QuickBooks.</p>
<div class="tabs" aria-label="Filter by QuickBooks status">${tabs}</div>
<div role="grid" class="aria-grid" data-view="qbo" aria-label="QuickBooks sync status" aria-rowcount="${items.length + 1}" aria-colcount="8">
<div role="rowgroup" class="grid-head"><div role="row" class="grid-row" aria-rowindex="1">${header}<div role="columnheader"><span class="sr-only">Actions</span></div></div></div>
<div role="rowgroup" class="grid-body">${rows.join('') || '<div role="row" class="grid-row"><div role="gridcell" class="empty">No documents.</div></div>'}</div>
</div>`;
  return { title: 'QBO Sync', section: 'qbo-sync', crumbs: [{ label: 'QBO Sync' }], main };
}

export function qboDetailSection(state: MockState, it: SyncItem): string {
  const source = state.records.get(it.record);
  const party = it.kind === 'bill' ? 'Vendor' : 'Customer';
  const rows: Array<[string, string]> = [
    ['Document', recordLink(it.kind, it.record)],
    ['Doc type', esc(KIND_LABELS[it.kind])],
    [party, esc(it.party ?? '')],
  ];
  if (it.amount) rows.push(['Amount', esc(it.amount)]);
  rows.push(
    ['Branch', esc(it.branch ?? '')],
    ['AWRA status', esc(source?.docStatus ?? 'Posted')],
    ['Run', esc(it.run)],
    ['QuickBooks status', chip(it.status, QBO_STATUS[it.status])],
    ['Attempts', String(it.retries)],
    ['When', esc(timeQbo(it.lastAttempt))],
  );
  const blocking = it.status === 'failed' || it.status === 'needs-attention';
  let banner = '';
  if (blocking) {
    banner = `<div role="alert" class="banner banner-error"><div><p class="banner-title">QuickBooks message</p><p class="banner-msg">${esc(it.message)}</p></div><button type="button" class="btn" data-action="retry" data-record="${esc(it.record)}">Retry sync</button></div>`;
  } else if (it.message) {
    banner = `<div role="status" class="banner banner-info"><p class="banner-msg">${esc(it.message)}</p></div>`;
  }
  const dl = rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('');
  return `<section class="detail" data-live="detail:${esc(it.record)}" aria-label="QuickBooks sync detail">${banner}<dl class="dl-grid">${dl}</dl></section>`;
}

export function renderQboDetail(state: MockState, record: string): Page | null {
  const it = state.find(record);
  if (!it || it.connector !== 'qbo') return null;
  const label = `${KIND_LABELS[it.kind]} ${it.record}`;
  const main = `<p class="back"><a href="/qbo-sync">← Back to QBO Sync</a></p>
<h1>QuickBooks sync: ${esc(label)}</h1>
${qboDetailSection(state, it)}`;
  return {
    title: `QBO Sync · ${it.record}`,
    section: 'qbo-sync',
    crumbs: [{ label: 'QBO Sync', href: '/qbo-sync' }, { label: it.record }],
    main,
  };
}
