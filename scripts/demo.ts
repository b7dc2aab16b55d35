// `npm run demo`: the e2e build in Chromium against the mock AWRA app. With a display it opens a
// normal window at the Sync Hub; without one it visits every mock screen headless, saves a
// screenshot of each and prints what Sync Assist read there.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { analysisFromContentScript, E2E_BUILD } from '../test/e2e/harness';
import { MOCK_SCREENS } from '../test/mock-awra/screens';
import { startMockAwra } from '../test/mock-awra/server';

execSync('npm run --silent build:e2e', { stdio: 'inherit' });
const mock = await startMockAwra({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless,
  pipe: true,
  enableExtensions: [E2E_BUILD],
  defaultViewport: headless ? { width: 1366, height: 900 } : null,
  userDataDir: mkdtempSync(join(tmpdir(), 'sync-assist-demo-')),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const workerTarget = await browser.waitForTarget(
  (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
);
const worker = (await workerTarget.worker())!;

if (!headless) {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`${mock.url}/sync-hub`);
  console.log(
    `Mock AWRA at ${mock.url} — Chromium is open with Sync Assist loaded. Close the window (or Ctrl+C) to stop.`,
  );
  await new Promise((done) => browser.on('disconnected', done));
  await mock.close();
} else {
  const folder = join(process.cwd(), 'demo-screenshots');
  mkdirSync(folder, { recursive: true });
  const page = await browser.newPage();
  for (const path of MOCK_SCREENS) {
    await page.goto(`${mock.url}${path}`, { waitUntil: 'load' });
    const { analysis } = await analysisFromContentScript(worker, page);
    await new Promise((ok) => setTimeout(ok, 300));
    const file = join(
      folder,
      `${path === '/' ? 'dashboard' : path.slice(1).replaceAll('/', '_')}.png`,
    );
    await page.screenshot({ path: file, fullPage: true });
    const failed = analysis.records.filter(
      (r) => r.status === 'failed' || r.status === 'needs-attention',
    );
    const types = [...new Set(failed.map((r) => r.messageType ?? 'unknown'))].join(', ');
    console.log(
      `${path.padEnd(22)} ${String(analysis.page ?? 'not a sync screen').padEnd(18)} ${analysis.records.length} records, ${failed.length} failing${types ? ` (${types})` : ''}`,
    );
  }
  await browser.close();
  await mock.close();
  console.log(`\nScreenshots of every screen are in ${folder}`);
}
