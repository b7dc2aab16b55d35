/** Integrations: connector cards (article + label/value spans) and a webhook delivery log whose
 * header row is <th> cells inside <tbody> (no <thead>). */
import { esc } from '../escape';
import { DELIVERY_STATUS, chip, timeIntegrations } from '../format';
import type { MockState } from '../state';
import type { Connector, SyncItem } from '../types';
import { kv, type Page } from './layout';

function latest(items: SyncItem[], withMessage: boolean): SyncItem | undefined {
  let best: SyncItem | undefined;
  for (const it of items) {
    if (withMessage && !it.message) continue;
    if (!best || it.lastAttempt > best.lastAttempt) best = it;
  }
  return best;
}

export function connectorCard(state: MockState, c: Connector): string {
  const items = [...state.items.values()].filter((it) => it.connector === c.id);
  const lastRun = latest(items, false);
  const lastMsg = latest(items, true);
  let message = lastMsg?.message ?? '';
  if (c.event && (!lastMsg || c.event.at > lastMsg.lastAttempt)) message = c.event.message;
  const failing = items.filter((it) => it.status === 'failed').length;
  const status = c.authorized
    ? '<span class="conn conn-ok">Connected</span>'
    : '<span class="conn conn-bad">Re-authorization required</span>';
  const runText = lastRun ? `${lastRun.run} · ${timeIntegrations(lastRun.lastAttempt)}` : 'Never';
  const reconnect = c.authorized
    ? ''
    : `<button type="button" class="btn btn-primary" data-action="reconnect" data-connector="${esc(c.id)}">Reconnect</button>`;
  return `<article class="card connector" data-live="connector:${esc(c.id)}" aria-labelledby="conn-${esc(c.id)}">
<h3 id="conn-${esc(c.id)}">${esc(c.name)}</h3>
<p class="muted">${esc(c.description)}</p>
${kv('Connection status', status)}
${kv('Last run', esc(runText))}
${kv('Last message', `<span class="msg">${esc(message)}</span>`)}
${kv('Failed records', String(failing))}
<div class="card-actions">${reconnect}<a href="/sync-hub?connector=${esc(c.id)}">View in Sync Hub</a></div>
</article>`;
}

export function deliveryRow(it: SyncItem): string {
  const resend =
    it.status === 'failed'
      ? `<button type="button" class="btn btn-sm" data-action="retry" data-record="${esc(it.record)}">Resend</button>`
      : '';
  const cells = [
    esc(it.record),
    esc(it.delivery?.event ?? ''),
    `<code>${esc(it.delivery?.endpoint ?? '')}</code>`,
    esc(it.message),
    chip(it.status, DELIVERY_STATUS[it.status]),
    String(it.retries),
    esc(timeIntegrations(it.lastAttempt)),
    resend,
  ];
  return `<tr data-live="row:${esc(it.record)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

export function renderIntegrations(state: MockState): Page {
  const cards = state.connectors.map((c) => connectorCard(state, c)).join('\n');
  const deliveries = [...state.items.values()].filter((it) => it.kind === 'webhook');
  const heads = [
    'Delivery',
    'Event',
    'Endpoint',
    'Response',
    'Result',
    'Attempts',
    'Sent at',
    'Action',
  ];
  const headRow = `<tr>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  const main = `<h1>Integrations</h1>
<p class="lede">Connections between this workspace and outside systems.</p>
<section aria-labelledby="connectors-h"><h2 id="connectors-h">Connectors</h2>
<div class="cards">${cards}</div></section>
<section id="webhook-deliveries" aria-labelledby="deliveries-h"><h2 id="deliveries-h">Webhook deliveries</h2>
<table class="data log-table" data-view="delivery"><tbody>${headRow}${deliveries.map(deliveryRow).join('')}</tbody></table>
</section>`;
  return {
    title: 'Integrations',
    section: 'integrations',
    crumbs: [{ label: 'Integrations' }],
    main,
  };
}
