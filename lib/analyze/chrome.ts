/**
 * Page chrome: navigation, banners, footers, breadcrumbs, tooltips and search/filter bars. Their
 * text mentions "Sync Hub" on every AWRA page, so it never counts as sync content.
 */
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'menu',
  'menubar',
  'tooltip',
  'search',
  'toolbar',
  'tablist',
]);
const CHROME_CLASS =
  /(?:^|[\s_-])(?:breadcrumbs?|navbar|topbar|top-bar|sidenav|side-nav|sidebar-nav|app-header|app-footer|site-header|site-footer|menu|tooltip|help-hint|helptext|help-text|skip-link|pagination|pager|filters?|filter-bar|toolbar)(?:$|[\s_-])/i;

const CONTENT = 'main, [role=main], h1, table, [role=table], [role=grid], dl, form[aria-label]';

export function isChrome(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'NAV' || (tag === 'ASIDE' && el.querySelector('nav'))) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  // Illustrations (a help article's example table) are pictures of data, not data.
  if (tag === 'FIGURE' || role === 'img') return true;
  if (
    (tag === 'HEADER' || tag === 'FOOTER') &&
    !el.closest('main, article, section, [role=main], [role=dialog], dialog') &&
    // A page header holding the screen's own title is content ("<header><h1>Sync Hub</h1>").
    (tag === 'FOOTER' || !el.querySelector('h1'))
  ) {
    return true;
  }
  const label = el.getAttribute('aria-label');
  if (label && /breadcrumb|navigation|menu/i.test(label)) return true;
  const cls = el.getAttribute('class');
  // Class names only hint: a "sidenav-container" that wraps the page's content is not chrome.
  if (cls && CHROME_CLASS.test(cls) && !el.querySelector(CONTENT)) return true;
  if (
    tag === 'FORM' &&
    /search|filter/i.test(
      `${el.getAttribute('id') ?? ''} ${el.getAttribute('name') ?? ''} ${el.getAttribute('aria-label') ?? ''}`,
    )
  ) {
    return true;
  }
  return false;
}

/** The part of the page that holds content: <main> (or role=main) when there is one. */
export function contentRoot(doc: Document): Element | null {
  const main = doc.querySelector('main, [role=main]');
  return main ?? doc.body ?? doc.documentElement;
}
