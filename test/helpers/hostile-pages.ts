/**
 * The hostile page corpus, generated (a 1 MB page does not belong in the repository): AWRA sync
 * screens whose messages, labels and attributes carry script and event-handler payloads, markup,
 * bidi and invisible characters, a 1 MB message, 50-level nesting and duplicate ids. Each payload
 * would set `window.__pwned` and the title if it ever ran; as page text it must stay text.
 */

/** What every payload runs if it is ever turned into markup or code. */
export const PAYLOAD_JS = "window.__pwned=(window.__pwned||0)+1;document.title='pwned'";
export const PAGE_TITLE = 'QBO Sync – AWRA';
const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const PAYLOADS = {
  script: `<script>${PAYLOAD_JS}</script>`,
  img: `<img src=x onerror="${PAYLOAD_JS}">`,
  svg: `<svg onload="${PAYLOAD_JS}"></svg>`,
  iframe: `<iframe srcdoc="<script>parent.${PAYLOAD_JS}</script>"></iframe>`,
  link: `javascript:${PAYLOAD_JS}`,
  template: `{{constructor.constructor("${PAYLOAD_JS}")()}}`,
} as const;

/** Right-to-left override, isolates, zero-width and direction marks, as a spoofed message. */
export const BIDI_MESSAGE =
  "Invalid Reference Id: Account '\u202Eselas\u202C' \u2067is not mapped\u2069 \u200Eto\u200F QuickBooks";

export const MB = 1024 * 1024;
export const HUGE_MESSAGE = `Invalid Reference Id: Account 'Sales' is not mapped. ${'x'.repeat(MB)}`;

export interface HostilePage {
  name: string;
  url: string;
  html: string;
  /** Records the engine must read (all of them, in order), by record number and exact message. */
  records: { recordNumber: string; message: string | null }[];
}

const page = (body: string, title = PAGE_TITLE) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<nav aria-label="Navigation"><a href="/sync-hub">Sync Hub</a> <a href="/qbo-sync">QBO Sync</a></nav>
${body}
</body></html>`;

/** A QuickBooks sync detail screen (one record, one card) as a description list. */
function detail(recordNumber: string, messageHtml: string, extra = '') {
  return `<main><h1>${recordNumber}</h1>
<dl>
  <dt>Record</dt><dd>${recordNumber}</dd>
  <dt>Connector</dt><dd>QuickBooks Online</dd>
  <dt>Sync run</dt><dd>QBO-RUN-1</dd>
  <dt>Status</dt><dd>Failed</dd>
  <dt>Message</dt><dd>${messageHtml}</dd>
  <dt>Retry count</dt><dd>0</dd>
  ${extra}
</dl>
<button type="button">Retry</button></main>`;
}

const qbo = (recordNumber: string) => `https://acme.awraops.com/qbo-sync/${recordNumber}`;

function nested(depth: number, inner: string, tag = 'div') {
  return `${`<${tag} class="level">`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`;
}

/** Payload text in every message cell of a Sync Hub list whose ids are all duplicated. */
function duplicateIdList(): HostilePage {
  const rows = Object.entries(PAYLOADS).map(([kind, payload], i) => ({
    recordNumber: `INV-${9100 + i}`,
    message: `${payload} rejected (${kind})`,
  }));
  const html = page(
    `<main><h1 id="title">Sync Hub</h1>
<table id="sync" aria-labelledby="title">
<thead><tr><th id="h">Record</th><th id="h">Connector</th><th id="h">Status</th><th id="h">Message</th><th id="h">Retries</th></tr></thead>
<tbody>${rows
      .map(
        (r) =>
          `<tr id="row" data-id="row"><td id="cell" headers="h">${r.recordNumber}</td><td id="cell">QuickBooks Online</td><td id="cell">Failed</td><td id="msg" title="${esc(r.message)}">${esc(r.message)}</td><td id="cell">1</td></tr>`,
      )
      .join('\n')}</tbody></table>
<label for="msg">Message</label><span id="msg">duplicate</span>
<div id="__syncAssistGate"></div><div id="__syncAssistOverlay"></div></main>`,
    'Sync Hub – AWRA',
  );
  return {
    name: 'duplicate-ids-payload-list',
    url: 'https://acme.awraops.com/sync-hub',
    html,
    records: rows,
  };
}

export function hostilePages(): HostilePage[] {
  const scriptMessage = `${PAYLOADS.script} Invalid Reference Id: Account 'Sales' is not mapped.`;
  const handlerMessage = `${PAYLOADS.img}${PAYLOADS.svg}${PAYLOADS.iframe} Customer is missing`;
  return [
    {
      name: 'script-payload-text',
      url: qbo('INV-9001'),
      html: page(detail('INV-9001', esc(scriptMessage))),
      records: [{ recordNumber: 'INV-9001', message: scriptMessage }],
    },
    {
      name: 'event-handler-payload-text',
      url: qbo('INV-9002'),
      html: page(detail('INV-9002', esc(handlerMessage))),
      records: [{ recordNumber: 'INV-9002', message: handlerMessage }],
    },
    {
      // Payloads where a careless reader would pick them up: attributes, an inert <template>,
      // a javascript: link and template syntax in the message itself.
      name: 'attribute-template-link-payloads',
      url: qbo('INV-9003'),
      html: page(
        detail(
          'INV-9003',
          `<span title="${esc(PAYLOADS.img)}" aria-label="${esc(PAYLOADS.script)}" data-label="${esc(PAYLOADS.svg)}">Duplicate Document Number Error</span> <template>${PAYLOADS.script}${PAYLOADS.img}</template><a href="${esc(PAYLOADS.link)}">${esc(PAYLOADS.template)}</a>`,
          `<dt>Customer</dt><dd><textarea readonly>${esc(PAYLOADS.img)}</textarea></dd>`,
        ),
      ),
      records: [
        {
          recordNumber: 'INV-9003',
          message: `Duplicate Document Number Error ${PAYLOADS.template}`,
        },
      ],
    },
    {
      name: 'bidi-and-invisible-characters',
      url: qbo('INV-9004'),
      html: page(detail('INV-9004', esc(BIDI_MESSAGE))),
      records: [{ recordNumber: 'INV-9004', message: BIDI_MESSAGE.replace(/\u200B/g, '') }],
    },
    {
      name: 'one-megabyte-message',
      url: qbo('INV-9005'),
      html: page(detail('INV-9005', HUGE_MESSAGE)),
      // Capped by the engine (the pack's maxMessageLength): checked by the tests.
      records: [{ recordNumber: 'INV-9005', message: null }],
    },
    {
      name: 'fifty-level-nesting',
      url: qbo('INV-9006'),
      html: page(
        nested(
          50,
          detail(
            'INV-9006',
            nested(50, "Invalid Reference Id: Account 'Sales' is not mapped.", 'span'),
          ),
        ),
      ),
      records: [
        {
          recordNumber: 'INV-9006',
          message: "Invalid Reference Id: Account 'Sales' is not mapped.",
        },
      ],
    },
    duplicateIdList(),
  ];
}
