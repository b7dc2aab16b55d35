/** Dashboard: KPIs and recent activity. Only mentions Sync Hub (a card with a count); not a sync screen. */
import { esc } from '../escape';
import type { MockState } from '../state';
import type { Page } from './layout';

const KPIS: Array<[string, string, string]> = [
  ['Sales today', 'KES 1,284,560.00', '+8% vs last Wednesday'],
  ['Open invoices', '37', '12 due this week'],
  ['Payments received today', '22', 'KES 612,300.00'],
  ['Low-stock items', '6', 'across 3 warehouses'],
];

const ACTIVITY: Array<[string, string]> = [
  ['08:58', 'Janet Akinyi recorded payment PAY-8824 for Lakeside Supermarket'],
  ['08:44', 'Amina Wanjiru saved invoice INV-20422 as a draft'],
  ['08:40', 'Amina Wanjiru posted invoice INV-20417 for Kilimo Fresh Ltd'],
  ['08:33', 'Hassan Omar received goods GRN-5521 into WH-Mombasa'],
  ['08:21', 'Grace Chebet approved purchase order PO-7710'],
  ['08:05', 'Brian Otieno opened the Westlands Branch till'],
];

export function renderDashboard(state: MockState): Page {
  const attention = [...state.items.values()].filter(
    (it) => it.status === 'failed' || it.status === 'needs-attention',
  ).length;
  const kpis = KPIS.map(
    ([label, value, note]) =>
      `<div class="kpi"><p class="kpi-label">${esc(label)}</p><p class="kpi-value">${esc(value)}</p><p class="kpi-note">${esc(note)}</p></div>`,
  ).join('');
  const activity = ACTIVITY.map(
    ([time, text]) => `<li><span class="when">${esc(time)}</span> ${esc(text)}</li>`,
  ).join('');
  const main = `<h1>Good morning, ${esc(state.user.name.split(' ')[0] ?? '')}</h1>
<p class="lede">${esc(state.user.branch)} · Wednesday 18 November 2026</p>
<section class="kpis" aria-label="Key figures">${kpis}</section>
<div class="two-col">
<section class="card"><h2>Recent activity</h2><ul class="activity">${activity}</ul></section>
<section class="card"><h2>Sync Hub</h2><p><strong>${attention}</strong> records need attention.</p><p><a href="/sync-hub">Open Sync Hub</a></p></section>
</div>`;
  return { title: 'Dashboard', section: 'dashboard', crumbs: [{ label: 'Dashboard' }], main };
}
