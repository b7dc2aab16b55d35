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

export { unreadableHtmlReason } from './unreadable';
