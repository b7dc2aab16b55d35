/**
 * The gate's own decision on a page (for reference next to (2)): lib/gate bundled with the
 * built-in signals and run in the page. Cold: the first decision in a freshly loaded page, as
 * the content script makes it (patterns not yet compiled, code not yet optimised), median over
 * several loads; warm: the median of repeated decisions in one page.
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
        `import { defaultGateSignals } from './lib/gate/default-signals.ts';`,
        `export const decide = () =>`,
        `  mayBeSyncScreen(document, location.href, defaultGateSignals);`,
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
  /** First decision in a fresh page, median over loads. */
  coldMs: number;
  /** Repeated decisions in one page, median. */
  ms: number;
}

const COLD_LOADS = 7;

export async function benchGate(page: Page, label: string, url: string): Promise<GateFigure> {
  const code = await gateBundle();
  const cold: number[] = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    cold.push(
      (await page.evaluate(`(() => {
${code}
const start = performance.now();
SyncAssistGate.decide();
return performance.now() - start;
})()`)) as number,
    );
  }
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
  return { page: label, decision, coldMs: median(cold), ms: median(times) };
}
