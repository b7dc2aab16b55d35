/** The analysis engine bundled for a browser page, and run there in the page's main world. */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Analysis } from '../../lib/analyze/types';

export const ROOT = join(import.meta.dirname, '..', '..');

let bundle: Promise<string> | undefined;

/**
 * lib/analyze + the built-in rule pack as one IIFE script that defines `SyncAssistEngine`
 * ({ analyzeDocument, serializeAnalysis, defaultRulePack }). Built once per test file.
 */
export function engineBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: [
        `export { analyzeDocument, serializeAnalysis } from './lib/analyze/index.ts';`,
        `export { defaultRulePack } from './lib/rules/default/index.ts';`,
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'sync-assist-engine.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'SyncAssistEngine',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the engine bundle');
    return file.text;
  });
  return bundle;
}

/**
 * Runs `analyzeDocument(document, url, defaultRulePack)` inside the page's main world in real
 * Chromium and returns the serialised Analysis.
 *
 * The bundle is sent as one DevTools `Runtime.evaluate` expression (puppeteer's string
 * `page.evaluate`), not as a `<script>` tag: DevTools evaluation still runs in a page whose own
 * scripts are disabled (`page.setJavaScriptEnabled(false)`), where an injected `<script>` would
 * silently never run. The IIFE is wrapped in a function, so nothing is left on `window`.
 */
export async function analyzeInPage(page: Page, url: string | null): Promise<Analysis> {
  const engine = await engineBundle();
  const expression = `(() => {
${engine}
return SyncAssistEngine.serializeAnalysis(
  SyncAssistEngine.analyzeDocument(document, ${JSON.stringify(url)}, SyncAssistEngine.defaultRulePack),
);
})()`;
  return (await page.evaluate(expression)) as Analysis;
}
