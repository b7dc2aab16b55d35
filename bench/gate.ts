/**
 * The gate's own decision on a page (for reference next to (2)): lib/gate bundled with the
 * built-in page signals and run in the page, median over repeated runs.
 */
import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../test/e2e/engine';
import { median } from './stats';

async function gateBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        `import { mayBeSyncScreen } from './lib/gate/detect.ts';`,
        `import { gateSignals } from './lib/gate/signals.ts';`,
        `import { defaultPages } from './lib/rules/default/pages.ts';`,
        `import { defaultFields } from './lib/rules/default/fields.ts';`,
        `import { defaultConnectors } from './lib/rules/default/vocabulary.ts';`,
        `export const decide = () => mayBeSyncScreen(document, location.href,`,
        `  gateSignals({ pages: defaultPages, connectors: defaultConnectors, fields: defaultFields }));`,
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'gate-bench.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'SyncAssistGate',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface GateFigure {
  page: string;
  decision: boolean;
  ms: number;
}

export async function benchGate(page: Page, label: string, url: string): Promise<GateFigure> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const code = await gateBundle();
  const { decision, times } = (await page.evaluate(`(() => {
${code}
const times = [];
let decision = false;
for (let i = 0; i < 21; i++) {
  const start = performance.now();
  decision = SyncAssistGate.decide();
  times.push(performance.now() - start);
}
return { decision, times };
})()`)) as { decision: boolean; times: number[] };
  return { page: label, decision, ms: median(times) };
}
