/**
 * (1) analyzeDocument on Sync Hub lists of 500, 5,000 and 20,000 rows from the mock AWRA app, in
 * real Chromium, against a baseline that walks the same table's text once.
 *
 * The list's HTML is fetched from the mock app and parsed with DOMParser in the page: the same
 * DOM, without the 10–20 s headless Chromium needs to lay out 20,000 rows. The engine never reads
 * layout, so its cost is the same on a rendered page.
 */
import type { Page } from 'puppeteer-core';
import { engineBundle } from '../test/e2e/engine';
import { median, shimEsbuildNames } from './stats';

export interface AnalyzeFigure {
  rows: number;
  records: number;
  analyzeMs: number;
  baselineMs: number;
  ratio: number;
  /** Microseconds per row. */
  perRowUs: number;
}

const RUNS: Record<number, number> = { 500: 21, 5000: 9, 20000: 5 };

export async function benchAnalyze(page: Page, mockUrl: string): Promise<AnalyzeFigure[]> {
  await shimEsbuildNames(page);
  await page.goto(`${mockUrl}/`, { waitUntil: 'load' });
  await page.evaluate(`(() => { ${await engineBundle()}; window.__engine = SyncAssistEngine; })()`);
  const figures: AnalyzeFigure[] = [];
  for (const rows of [500, 5000, 20000]) {
    const runs = RUNS[rows]!;
    const result = await page.evaluate(
      async (rows: number, runs: number, base: string) => {
        const url = `${base}/sync-hub?rows=${rows}`;
        const html = await (await fetch(url)).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const engine = (window as unknown as { __engine: any }).__engine;
        const table = doc.querySelector('table[data-view="hub"]')!;
        // The floor: every text node of the table read once.
        const walk = () => {
          const walker = doc.createTreeWalker(table, NodeFilter.SHOW_TEXT);
          let length = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            length += node.nodeValue!.length;
          return length;
        };
        // Timers in a page tick in steps of up to 0.1 ms: a sample of a small list repeats the
        // call until it lasts about as long as one call on 10,000 rows.
        const reps = Math.max(1, Math.ceil(10000 / rows));
        const time = (fn: () => unknown) => {
          const start = performance.now();
          for (let i = 0; i < reps; i++) fn();
          return (performance.now() - start) / reps;
        };
        let records = 0;
        const analyze = () => {
          records = engine.analyzeDocument(doc, url, engine.defaultRulePack).records.length;
        };
        // Warm both alike: the pack compiles once per page, and the JIT settles.
        for (let i = 0; i < 3; i++) {
          analyze();
          walk();
        }
        const analyzeMs: number[] = [];
        const baselineMs: number[] = [];
        for (let i = 0; i < runs; i++) {
          baselineMs.push(time(walk));
          analyzeMs.push(time(analyze));
        }
        return { analyzeMs, baselineMs, records };
      },
      rows,
      runs,
      mockUrl,
    );
    const analyzeMs = median(result.analyzeMs);
    const baselineMs = median(result.baselineMs);
    figures.push({
      rows,
      records: result.records,
      analyzeMs,
      baselineMs,
      ratio: analyzeMs / baselineMs,
      perRowUs: (analyzeMs * 1000) / rows,
    });
  }
  return figures;
}
