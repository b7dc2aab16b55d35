/** Non-sync screens: module lists, Settings, and the admin Mappings page ("Fix mapping" buttons). */
import { esc } from '../escape';
import type { MockState } from '../state';
import type { Mapping, SourceRecord } from '../types';
import type { Page, Section } from './layout';
import type { RecordRoute } from './records';

const LISTS: Record<
  RecordRoute,
  { title: string; kind: SourceRecord['kind']; party: string; group?: string }
> = {
  invoices: { title: 'Invoices', kind: 'invoice', party: 'Customer', group: 'Sales' },
  payments: { title: 'Payments', kind: 'payment', party: 'Customer' },
  bills: { title: 'Bills', kind: 'bill', party: 'Vendor', group: 'Procurement' },
  customers: { title: 'Customers', kind: 'customer', party: 'Phone' },
};

function field(r: SourceRecord, label: string): string {
  return r.fields.find((f) => f.label === label)?.value ?? '';
}

export function renderList(state: MockState, route: RecordRoute): Page {
  const cfg = LISTS[route];
  const records = [...state.records.values()].filter((r) => r.kind === cfg.kind);
  const nameLabel = route === 'customers' ? 'Customer name' : cfg.party;
  const heads = [
    'Number',
    route === 'customers' ? 'Name' : cfg.party,
    'Branch',
    route === 'customers' ? 'Credit limit' : 'Amount',
    'Status',
  ];
  const rows = records.map((r) => {
    const amount = route === 'customers' ? field(r, 'Credit limit') : field(r, 'Amount');
    return `<tr><td><a href="/${route}/${esc(encodeURIComponent(r.number))}">${esc(r.number)}</a></td><td>${esc(field(r, nameLabel))}</td><td>${esc(field(r, 'Branch'))}</td><td class="num">${esc(amount)}</td><td>${esc(r.docStatus)}</td></tr>`;
  });
  const main = `<h1>${esc(cfg.title)}</h1>
<p class="lede">${records.length} ${esc(cfg.title.toLowerCase())} in this workspace.</p>
<table class="data"><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const crumbs = cfg.group ? [{ label: cfg.group }, { label: cfg.title }] : [{ label: cfg.title }];
  return { title: cfg.title, section: route as Section, crumbs, main };
}

export function mappingRow(m: Mapping): string {
  const status = m.linked ? 'Linked' : m.outsideValue ? 'Inactive' : 'Not linked';
  const fix = m.linked
    ? ''
    : `<button type="button" class="btn btn-sm btn-primary" data-action="fix-mapping" data-mapping="${esc(m.id)}">Fix mapping</button>`;
  const cells = [
    esc(m.id),
    esc(m.kind),
    esc(m.awraValue),
    m.outsideValue ? esc(m.outsideValue) : '<span class="muted">(none)</span>',
    `<span class="badge ${m.linked ? 'badge-ok' : 'badge-bad'}">${status}</span>`,
    esc(m.note),
    fix,
  ];
  return `<tr data-live="mapping:${esc(m.id)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

export function renderMappings(state: MockState): Page {
  const heads = ['Mapping', 'Kind', 'AWRA value', 'QuickBooks value', 'Link', 'Note', 'Action'];
  const main = `<h1>Mappings</h1>
<p class="lede">Links between AWRA values and QuickBooks Online. Only authorized admin or finance users change mappings.</p>
<table class="data mappings"><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${state.mappings.map(mappingRow).join('')}</tbody></table>`;
  return {
    title: 'Mappings',
    section: 'settings',
    crumbs: [{ label: 'Settings', href: '/settings' }, { label: 'Mappings' }],
    main,
  };
}

export function renderSettings(state: MockState): Page {
  const links: Array<[string, string, string]> = [
    ['/integrations', 'Connectors', 'QuickBooks Online, payment providers, email and SMS'],
    ['/integrations#webhook-deliveries', 'Webhooks', 'Endpoints and delivery log'],
    ['/admin/mappings', 'Mappings', 'Accounts, tax codes, payment methods, items, warehouses'],
    ['/settings', 'Users and roles', 'Who may post, approve, map and reconnect'],
    ['/settings', 'Branches and warehouses', 'Nairobi HQ, Westlands, Mombasa, Kisumu, Nakuru'],
  ];
  const items = links
    .map(
      ([href, label, note]) =>
        `<li><a href="${esc(href)}">${esc(label)}</a><span class="muted"> · ${esc(note)}</span></li>`,
    )
    .join('');
  const main = `<h1>Settings</h1>
<p class="lede">Signed in as ${esc(state.user.name)} (${esc(state.user.role)}, ${esc(state.user.branch)}).</p>
<ul class="settings-list">${items}</ul>`;
  return { title: 'Settings', section: 'settings', crumbs: [{ label: 'Settings' }], main };
}
