/**
 * fast-check arbitraries for pages the engine may meet: random trees of the markup AWRA-like
 * screens use (tables, ARIA grids, description lists, form controls, alerts…) filled with sync
 * vocabulary and hostile text, and raw HTML soup for the parser's error recovery.
 */
import fc from 'fast-check';
import { parseHtml } from '../../lib/cli/html';

export interface TreeNode {
  tag: string;
  attrs: [string, string][];
  children: (TreeNode | string)[];
}

const TAGS = [
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'div',
  'span', 'input', 'select', 'option', 'textarea', 'label', 'ul', 'ol', 'li', 'h1', 'h2', 'h3',
  'h4', 'main', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'p', 'strong', 'b',
  'button', 'a', 'time', 'output', 'details', 'summary', 'form', 'figure', 'dialog', 'template',
  'script', 'style', 'img', 'iframe', 'svg', 'slot',
]; // prettier-ignore

const ROLES = [
  'grid', 'table', 'row', 'rowgroup', 'gridcell', 'cell', 'columnheader', 'rowheader', 'alert',
  'status', 'list', 'listitem', 'heading', 'button', 'main', 'navigation', 'presentation', 'none',
  'dialog', 'img', 'term', 'definition',
]; // prettier-ignore

/** Labels, values and messages an AWRA sync screen shows. */
export const SYNC_WORDS = [
  'Sync Hub', 'QBO Sync', 'Integrations', 'Sync log', 'Record', 'Type', 'Connector', 'Sync run',
  'Status', 'Message', 'Retries', 'Retry count', 'Attempt 2', 'Timestamp', 'Customer', 'Vendor',
  'Amount', 'Branch', 'Warehouse', 'User', 'INV-20417', 'PAY-8812', 'BILL-3112', 'RUN-5521',
  'QuickBooks Online', 'Paystack', 'M-Pesa', 'Webhook', 'Failed', 'Succeeded', 'Pending',
  'Queued', 'Retrying', 'Needs attention', 'Cancelled', 'Skipped', 'Retry', 'Sync now', 'Resend',
  "Invalid Reference Id: Account 'Sales' is not mapped.", 'Customer is missing',
  'Duplicate Document Number Error', 'AuthenticationFailed: token expired', '503 Service Unavailable',
  'Invoice is not approved', '3', '-1', '1e309', 'NaN', '2026-11-26 01:45', '', ' ', ':',
]; // prettier-ignore

/** Text a hostile or broken page may hold: markup, script, bidi and invisible characters. */
export const HOSTILE_WORDS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\u202EdeliaF\u202C',
  '\u2066Failed\u2069 \u200B\u200D\uFEFF',
  '\u0000\u0001\u001F\u007F',
  '\uD800 lone surrogate \uDFFF',
  '𝐅𝐚𝐢𝐥𝐞𝐝 👩‍💻 Ｆａｉｌｅｄ',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '(a+)+$'.repeat(3) + 'a'.repeat(40) + '!',
  'x'.repeat(3000),
];

const ATTRS = ['class', 'role', 'id', 'hidden', 'aria-hidden', 'aria-label', 'style', 'title',
  'data-label', 'value', 'for', 'colspan', 'rowspan', 'headers', 'aria-labelledby', 'onclick',
  'href', 'datetime', 'readonly', 'disabled', 'open']; // prettier-ignore

const CLASSES = ['status', 'badge', 'message', 'error', 'title', 'name', 'label', 'value', 'hidden',
  'sr-only', 'menu', 'breadcrumb', 'card', 'log', 'entry', 'field', 'filter-bar', 'toolbar',
  'pill status-failed', 'visually-hidden', 'cdk-visually-hidden', 'x\u00a0hidden', 'HIDDEN', 'not-hidden', 'd-none\tcard',
  'u-hidden', 'screen-reader-text']; // prettier-ignore

export const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNC_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

const attrValue = (name: string) => {
  switch (name) {
    case 'role':
      return fc.constantFrom(...ROLES);
    case 'class':
      return fc.constantFrom(...CLASSES);
    case 'id':
    case 'for':
    case 'headers':
    case 'aria-labelledby':
      // A tiny pool: duplicate ids and dangling references are the point.
      return fc.constantFrom('a', 'b', 'msg', 'status', 'a b', '');
    case 'style':
      return fc.constantFrom('display:none', 'visibility:hidden', 'color:red', '');
    case 'colspan':
    case 'rowspan':
      return fc.constantFrom('0', '1', '2', '3', '1000', '-1', 'x');
    default:
      return anyText;
  }
};

const attribute: fc.Arbitrary<[string, string]> = fc
  .constantFrom(...ATTRS)
  .chain((name) => attrValue(name).map((value): [string, string] => [name, value]));

/** Random element trees from the tag alphabet, with random attributes and text. */
export const treeArbitrary = fc.letrec<{ node: TreeNode; child: TreeNode | string }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(attribute, { maxLength: 3 }),
    children: fc.array(tie('child'), { maxLength: 5 }),
  }),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, anyText, tie('node')),
})).node;

/** Builds the tree inside <body> of an inert document with DOM calls (no parser fix-ups). */
export function documentFromTree(tree: TreeNode, url: string | null, title = 'AWRA'): Document {
  const doc = parseHtml(
    `<!doctype html><html><head><title></title></head><body></body></html>`,
    url,
  );
  doc.title = title;
  const build = (node: TreeNode | string): Node => {
    if (typeof node === 'string') return doc.createTextNode(node);
    const el = doc.createElement(node.tag);
    for (const [name, value] of node.attrs) el.setAttribute(name, value);
    for (const child of node.children) el.append(build(child));
    return el;
  };
  doc.body.append(build(tree));
  return doc;
}

/** Tag soup: unbalanced, misnested and truncated markup with sync words and hostile text. */
export const htmlSoupArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).map((tag) => `<${tag}>`),
      fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
      fc
        .tuple(fc.constantFrom(...TAGS), attribute)
        .map(([tag, [name, value]]) => `<${tag} ${name}="${value.replace(/"/g, '&quot;')}">`),
      anyText,
      fc.constantFrom(
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<',
        '>',
        '&',
        '&amp;',
        '&#0;',
        '&#x202E;',
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

export const urlArbitrary = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'https://acme.awraops.com/sync-hub',
    'https://acme.awraops.com/qbo-sync/INV-20417',
    'https://acme.awraops.com/integrations/webhooks',
    'https://acme.awraops.com/invoices/INV-20417',
    'https://acme.awraops.com/',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
