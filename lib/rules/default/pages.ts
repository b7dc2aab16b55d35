import type { RulePack } from '../schema';

/**
 * Page detection signals. URL patterns are tested against path + query + hash; heading patterns
 * against the main heading (h1) and the title; section patterns against headings inside the
 * content. Navigation, breadcrumbs, banners and footers never count (see lib/analyze/chrome.ts).
 */
export const defaultPages: RulePack['pages'] = {
  'sync-hub': {
    urlPatterns: [
      '/sync[-_]?hub\\b',
      '/sync/(runs|activity|records|queue|monitor)\\b',
      '/sync-runs\\b',
    ],
    headingPatterns: [
      '\\bsync\\s?hub\\b',
      '\\bsync(hronisation|hronization)? (runs|activity|queue|records|monitor|cent(er|re)|dashboard)\\b',
      '\\b(all|failed|recent) syncs\\b',
    ],
    sectionPatterns: ['\\bsync (runs|records|queue)\\b'],
  },
  'qbo-sync': {
    urlPatterns: [
      '/(qbo|quickbooks)[-_/]?sync\\b',
      '/(finance|accounting)/sync\\b',
      '/(finance|accounting)-sync\\b',
    ],
    headingPatterns: [
      '\\b(qbo|quickbooks(\\s+online)?)\\s+sync\\b',
      '\\b(qbo|quickbooks(\\s+online)?)\\s+(sync(hronisation|hronization)?\\s+)?(status|queue|log)\\b',
      '\\b(finance|accounting)\\s+sync\\b',
      '\\bsync(ed)?\\s+to\\s+(qbo|quickbooks)\\b',
    ],
    sectionPatterns: ['\\b(qbo|quickbooks) (sync )?(details|status)\\b'],
  },
  integrations: {
    urlPatterns: [
      '/integrations?\\b',
      '/connectors?\\b',
      '/webhooks?\\b',
      '/settings/(connections|apps|connected-apps)\\b',
    ],
    headingPatterns: [
      '^\\s*integrations?\\b',
      '\\b(settings\\s*[>›/»-]\\s*)?connectors\\b',
      '\\bwebhooks?\\b',
      '\\bconnected (apps|services|systems)\\b',
      '\\bintegrations?\\s*(&|and)\\s*(connectors|webhooks)\\b',
    ],
    sectionPatterns: [
      '\\bwebhook (deliveries|delivery log|logs?|events)\\b',
      '\\bdelivery (log|history)\\b',
      '\\bconnectors\\b',
    ],
  },
  'sync-log': {
    urlPatterns: ['/sync[-_]?logs?\\b'],
    headingPatterns: ['\\bsync(hronisation|hronization)?\\s+(log|history)\\b'],
    sectionPatterns: [
      '\\bsync(hronisation|hronization)?\\s+(log|history|attempts|activity|status|details)\\b',
      '\\b(integration|accounting|finance)\\s+(log|history|sync)\\b',
      '\\b(qbo|quickbooks(\\s+online)?)\\s+(sync|log|history)\\b',
      '\\b(sync|delivery|send|posting)\\s+attempts\\b',
      '\\bexport (log|history)\\b',
    ],
  },
};
