import { analyzeDocument, serializeAnalysis } from '@/lib/analyze';
import {
  ContentRequestSchema,
  isFromExtension,
  type GetAnalysisResponse,
} from '@/lib/messaging/protocol';
import { defaultRulePack } from '@/lib/rules/default';

export default defineContentScript({
  matches: ['https://*.awraops.com/*'],
  runAt: 'document_idle',
  // WXT would otherwise post the extension's id to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isFromExtension(sender, browser.runtime.id, browser.runtime.getURL('/')))
        return undefined;
      const request = ContentRequestSchema.safeParse(message);
      if (!request.success) return undefined;
      const analysis = serializeAnalysis(analyzeDocument(document, location.href, defaultRulePack));
      const response: GetAnalysisResponse = { url: location.href, analysis };
      return Promise.resolve(response);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
