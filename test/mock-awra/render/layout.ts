/** App chrome (header, navigation, breadcrumb, footer) around each screen's <main>. */
import { esc } from '../escape';
import type { User } from '../types';

export type Section =
  | 'dashboard'
  | 'invoices'
  | 'payments'
  | 'bills'
  | 'customers'
  | 'sync-hub'
  | 'qbo-sync'
  | 'integrations'
  | 'settings';

export interface Crumb {
  label: string;
  href?: string;
}

export interface Page {
  title: string;
  section: Section | null;
  crumbs: Crumb[];
  main: string;
  status?: number;
}

const NAV: Array<[Section, string, string]> = [
  ['dashboard', '/', 'Dashboard'],
  ['invoices', '/invoices', 'Sales (Invoices)'],
  ['payments', '/payments', 'Payments'],
  ['bills', '/bills', 'Procurement (Bills)'],
  ['customers', '/customers', 'Customers'],
  ['sync-hub', '/sync-hub', 'Sync Hub'],
  ['qbo-sync', '/qbo-sync', 'QBO Sync'],
  ['integrations', '/integrations', 'Integrations'],
  ['settings', '/settings', 'Settings'],
];

export function navHtml(section: Section | null): string {
  const items = NAV.map(([key, href, label]) => {
    const current = key === section ? ' aria-current="page" class="active"' : '';
    return `<li><a href="${esc(href)}" data-nav="${esc(key)}"${current}>${esc(label)}</a></li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

export function breadcrumbHtml(crumbs: Crumb[]): string {
  const all: Crumb[] = [{ label: 'Home', href: '/' }, ...crumbs];
  const items = all.map((c, i) => {
    if (i === all.length - 1) return `<li aria-current="page">${esc(c.label)}</li>`;
    return c.href
      ? `<li><a href="${esc(c.href)}">${esc(c.label)}</a></li>`
      : `<li>${esc(c.label)}</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

export function documentTitle(page: Page): string {
  return `${page.title} · AWRA OpsHub`;
}

function headerHtml(user: User): string {
  return `<header class="topbar">
<a class="brand" href="/"><span class="logo" aria-hidden="true">A</span>AWRA OpsHub</a>
<span class="workspace">Workspace: Kilimo Group</span>
<form class="global-search" role="search" method="get" action="/sync-hub"><label class="sr-only" for="global-q">Search records</label><input id="global-q" type="search" name="q" placeholder="Search records…"></form>
<div class="user" aria-label="Signed-in user"><span class="user-name">${esc(user.name)}</span><span class="user-role">${esc(user.role)}</span><span class="user-branch">${esc(user.branch)}</span></div>
</header>`;
}

function footerHtml(): string {
  return `<footer class="footer">
<p class="help-hint">Having sync trouble? Open <a href="/sync-hub">Sync Hub</a> or read the <a href="https://awraops.com/help/docs/troubleshoot-failed-sync">failed-sync guide</a>.</p>
<p class="fine">AWRA OpsHub 4.12.0 · <a href="https://awraops.com/help/docs/support">Support</a></p>
</footer>`;
}

export function renderDocument(page: Page, user: User): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(documentTitle(page))}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${headerHtml(user)}
<div class="shell">
<nav class="sidenav" aria-label="Main">${navHtml(page.section)}</nav>
<div class="content">
<nav class="breadcrumb" aria-label="Breadcrumb">${breadcrumbHtml(page.crumbs)}</nav>
<main id="main">${page.main}</main>
</div>
</div>
${footerHtml()}
</body>
</html>`;
}

/** Body of an `X-Partial: 1` response: the <main> inner HTML plus what the client must update. */
export function renderPartial(page: Page): string {
  return JSON.stringify({
    title: documentTitle(page),
    html: page.main,
    breadcrumb: breadcrumbHtml(page.crumbs),
    section: page.section,
  });
}

export function notFoundPage(path: string): Page {
  return {
    title: 'Page not found',
    section: null,
    crumbs: [{ label: 'Not found' }],
    status: 404,
    main: `<h1>Page not found</h1><p>Nothing lives at <code>${esc(path)}</code>. Use the menu to find your way back.</p>`,
  };
}

/** A label/value pair as spans. */
export function kv(label: string, valueHtml: string): string {
  return `<div class="kv"><span class="k">${esc(label)}</span><span class="v">${valueHtml}</span></div>`;
}
