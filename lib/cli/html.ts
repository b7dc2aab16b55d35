import { Window } from 'happy-dom';

/** Parses HTML into an inert document (no scripts, no network), as the CLI and tests need. */
export function parseHtml(html: string, url: string | null): Document {
  const window = new Window({
    url: url ?? 'http://localhost/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigator: { userAgent: 'sync-assist-cli' },
    },
  });
  const parser = new window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

/** Why a file's bytes cannot be an HTML page, or null when they can. */
export function unreadableHtmlReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'the file is binary, not HTML';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 16) return 'the file is not UTF-8 text';
  if (!/<\s*[a-z!]/i.test(text)) return 'the file has no HTML markup';
  return null;
}
