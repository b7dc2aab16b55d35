/**
 * `npm run bench`: the performance budgets of issue #6, measured in real Chromium against the
 * mock AWRA app. Prints a table and writes bench/results.json. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium, launchWithExtension, withMock } from '../test/e2e/harness';
import { benchAnalyze } from './analyze';
import { benchGate } from './gate';
import { benchHeap } from './heap';
import { benchLive } from './live';
import { benchPageLoad } from './page-load';
import { markdownTable, rows, type Results } from './report';
import { benchSize } from './size';
import { benchTaskCpu } from './task-cpu';
import { round } from './stats';

const quick = process.argv.includes('--quick');
const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

const mock = await withMock();
const plain = await launchChromium();
const ext = await launchWithExtension();
try {
  const browsers = { without: plain.browser, with: ext.browser };
  const origin = `chrome-extension://${ext.extensionId}/`;
  const page = await plain.browser.newPage();

  log('1. analyzeDocument on 500, 5,000 and 20,000 rows');
  const analyze = await benchAnalyze(page, mock.url);
  const small = analyze[0]!;
  const large = analyze[analyze.length - 1]!;
  const exponent = (from: number, to: number) =>
    Math.log(to / from) / Math.log(large.rows / small.rows);
  const growthExponent = exponent(small.analyzeMs, large.analyzeMs);
  // The floor itself grows faster than the rows on real memory (a long table leaves the caches).
  const baselineExponent = exponent(small.baselineMs, large.baselineMs);

  log('2. page load with and without the extension');
  const pageLoad = [
    await benchPageLoad(
      browsers,
      'dashboard (not a sync screen)',
      `${mock.url}/`,
      quick ? 3 : 11,
      1000,
      origin,
    ),
    await benchPageLoad(
      browsers,
      'Sync Hub, 5,000 rows',
      `${mock.url}/sync-hub?rows=5000`,
      // Single loads of this page vary by about ±500 ms (its own layout of 5,000 rows), much
      // more than the budget: eleven of each (seven before) narrow the medians.
      quick ? 1 : 11,
      3000,
      origin,
    ),
  ];
  const taskCpu = await benchTaskCpu(ext.browser, `${mock.url}/`, quick ? 3 : 11, 1000, origin);
  const gate = [
    await benchGate(page, 'dashboard', `${mock.url}/`),
    await benchGate(page, 'Sync Hub, 5,000 rows', `${mock.url}/sync-hub?rows=5000`),
  ];
  await page.close();

  log('3. live updates, 10 s per run');
  const live = await benchLive(browsers, mock.url, origin, quick ? 1 : 2);

  log('4. sizes');
  const size = benchSize();

  log('5. heap over 500 client-side navigations');
  const heapPage = await ext.browser.newPage();
  const heap = await benchHeap(heapPage, mock.url, quick ? 100 : 500);

  const results: Results = {
    analyze,
    growthExponent,
    baselineExponent,
    pageLoad,
    taskCpu,
    gate,
    live,
    size,
    heap,
  };
  const table = rows(results);
  console.log(markdownTable(table));
  const rounded = JSON.parse(
    JSON.stringify(results, (_key, value) => (typeof value === 'number' ? round(value) : value)),
  );
  writeFileSync(
    join(import.meta.dirname, 'results.json'),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: { cpus: cpus().length, loadAverage: loadavg().map((v) => round(v)) },
        quick,
        table,
        ...rounded,
      },
      null,
      2,
    )}\n`,
  );
  log('wrote bench/results.json');
} finally {
  await ext.close();
  await plain.close();
  await mock.close();
}
