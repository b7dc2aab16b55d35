import { launchWithExtension, withMock } from '../test/e2e/harness';
import { metricsSession } from './cdp';
import { sleep } from './stats';
const mock = await withMock();
const ext = await launchWithExtension();
const origin = `chrome-extension://${ext.extensionId}/`;
try {
  const agg = new Map<string, number>();
  let total = 0;
  const N = Number(process.env.N ?? 2);
  for (let i = 0; i < N; i++) {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`${mock.url}/api/health`);
    const cdp = await metricsSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${mock.url}${process.argv[2]}`, { waitUntil: 'load', timeout: 120000 });
    await sleep(3000);
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    const nodes = new Map(profile.nodes.map((n: any) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
    const s = profile.samples ?? [], d = profile.timeDeltas ?? [];
    for (let k = 0; k < s.length; k++) {
      const ms = (d[k + 1] ?? 0) / 1000;
      const chain: any[] = [];
      for (let x: number | undefined = s[k]; x !== undefined; x = parent.get(x)) chain.push(nodes.get(x));
      if (!chain.some((n) => n.callFrame.url.startsWith(origin))) continue;
      total += ms;
      const seen = new Set<string>();
      for (const n of chain) { const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(origin, '')}`; if (seen.has(key)) continue; seen.add(key); agg.set(key, (agg.get(key) ?? 0) + ms); }
    }
  }
  console.log('ext ms per load', (total / N).toFixed(1));
  for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log((v / N).toFixed(1).padStart(7), k);
} finally { await ext.close(); await mock.close(); }
