// The admin options page in Chromium: a rule added there reaches an open AWRA tab without a
// reload, a malformed import changes nothing, an added site gets the overlay, a saved page's
// Analysis matches the CLI's, AWRA tabs trust a saved pack's stamp (lib/rules/stamp.ts) and no
// other, and the page passes axe-core at 1280 and 800 px.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/run';
import { exportPack } from '../../lib/options/pack-io';
import { defaultRulePack } from '../../lib/rules/default';
import type { RulePack } from '../../lib/rules/schema';
import { patternStamp } from '../../lib/rules/stamp';
import { ROOT } from './engine';
import {
  localStorageKey,
  openOptions,
  registeredScripts,
  retype,
  textWith,
} from './options-helpers';
import { eventually, open, openSession, overlays, settled, type Session } from './overlay-helpers';
import { click, openPopupFor, type } from './popup-helpers';

let s: Session;
beforeAll(async () => {
  // awra.test reaches the mock on loopback; the e2e build holds its host permission.
  s = await openSession(['--host-resolver-rules=MAP awra.test 127.0.0.1']);
});
afterAll(() => s?.close());

const MESSAGE = "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks";
const NEW_LABEL = defaultRulePack.guidance['temporary-provider-issue'].label;

describe('the options page', () => {
  it('adds a rule; the tester shows it and the open AWRA tab follows it without a reload', async () => {
    const before = await open(s, '/invoices/INV-20417');
    expect(before.map((v) => v.label)).toEqual(['Mapping missing']);
    await s.page.evaluate(
      () => ((window as unknown as { notReloaded: boolean }).notReloaded = true),
    );

    const options = await openOptions(s.ext);
    await click(options, 'Add a rule');
    await options.type('#rule-id', 'acme-mpesa-account');
    await options.type('#rule-pattern', '(a+)+');
    await textWith(options, '.editor', 'catastrophic backtracking');
    // "Contains timeout" as many first write it: the reason says what to write instead.
    await retype(options, '#rule-pattern', '.*timeout.*');
    await textWith(options, '.editor', 'write "timeout" instead');
    await retype(options, '#rule-pattern', "account\\s'sales\\s-\\sm-pesa'");
    await options.select('#rule-type', 'temporary-provider-issue');
    await retype(options, '#rule-priority', '1000');
    await click(options, 'Add rule');
    // Pasted, as an admin does with a message copied from AWRA.
    await options.focus('#tester-input');
    await options.evaluate((message: string) => {
      const box = document.querySelector('#tester-input') as HTMLTextAreaElement;
      box.value = message;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, MESSAGE);
    const shown = await textWith(options, '#tester-result', 'acme-mpesa-account');
    expect(shown).toContain(`${NEW_LABEL} (temporary-provider-issue)`);
    await textWith(options, '#save-status', 'unsaved changes');
    await click(options, 'Save changes');
    await textWith(options, '#save-status', 'Open AWRA tabs use it now');
    // Back to the AWRA tab, as the admin would (a background tab does not paint).
    await s.page.bringToFront();

    const after = await eventually(
      async () => {
        const views = await overlays(s.page);
        return views[0]?.label === NEW_LABEL ? views : null;
      },
      'the open tab to show the new type',
      15_000,
    );
    expect(after.map((v) => v.label)).toEqual([NEW_LABEL]);
    expect(
      await s.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);

    // analyze --rules with the file the Export button downloads gives the type the tester showed.
    const dir = mkdtempSync(join(tmpdir(), 'options-e2e-'));
    const cdp = await options.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await click(options, 'Export rules');
    const exported = await eventually(
      async () => readdirSync(dir).find((name) => name.endsWith('.json')) ?? null,
      'the exported pack file',
    );
    expect(exported).toMatch(/^sync-assist-rules-.*-r2\.json$/);
    writeFileSync(join(dir, 'messages.txt'), `${MESSAGE}\n`);
    const cli = JSON.parse(
      run(['--messages', join(dir, 'messages.txt'), '--rules', join(dir, exported)]),
    );
    expect(cli).toEqual([{ message: MESSAGE, messageType: 'temporary-provider-issue' }]);
    await options.close();
  });

  it('refuses a malformed import with every problem and its path, keeping the current rules', async () => {
    const options = await openOptions(s.ext);
    const broken = structuredClone(defaultRulePack) as unknown as Record<string, unknown>;
    (broken.messageRules as { pattern: string }[])[0]!.pattern = '(\\w+\\s?)*$';
    (broken.escalation as Record<string, unknown>).windowHours = 'a day';
    await options.$eval(
      '#import-text',
      (el, text) => {
        (el as HTMLTextAreaElement).value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      JSON.stringify(broken),
    );
    await click(options, 'Import pasted JSON');
    const errors = await textWith(options, '#import-errors', 'nothing was changed');
    expect(errors).toMatch(/messageRules\.0\.pattern: nested quantifier/);
    expect(errors).toMatch(/escalation\.windowHours: /);

    await options.$eval('#import-text', (el) => {
      (el as HTMLTextAreaElement).value = '{"schemaVersion": 1, ';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(options, 'Import pasted JSON');
    await textWith(options, '#import-errors', 'not JSON');

    const saved = (await localStorageKey(s.ext.worker, 'rulePack')) as RulePack;
    expect(saved.messageRules.some((r) => r.id === 'acme-mpesa-account')).toBe(true);
    expect(await options.$eval('table.rules', (el) => (el as HTMLElement).innerText)).toContain(
      'acme-mpesa-account',
    );
    expect((await settled(s.page)).map((v) => v.label)).toEqual([NEW_LABEL]);
    await options.close();
  });

  it('adds a site: the permission is granted, the background registers it and the overlay runs there', async () => {
    expect(await registeredScripts(s.ext.worker)).toEqual([]);
    const options = await openOptions(s.ext);
    await options.type('#site-input', 'http://awra.test');
    await click(options, 'Add site');
    await textWith(options, '#sites-status', 'Added http://awra.test');
    await textWith(options, '.sites', 'Active');
    await eventually(
      async () => (await registeredScripts(s.ext.worker)).includes('awra-site:http://awra.test/*'),
      'the content script registration for awra.test',
    );
    const port = new URL(s.mock.url).port;
    const page = await s.ext.browser.newPage();
    await page.goto(`http://awra.test:${port}/invoices/INV-20417`, { waitUntil: 'load' });
    expect((await settled(page)).map((v) => v.label)).toEqual([NEW_LABEL]);
    await page.close();

    await click(options, 'Remove');
    await textWith(options, '#sites-status', 'Removed http://awra.test/*');
    await eventually(
      async () => (await registeredScripts(s.ext.worker)).length === 0,
      'the registration to be removed',
    );
    await options.close();
  });

  it("the popup's Email support goes to the support email saved in the options page", async () => {
    const options = await openOptions(s.ext);
    // Not an address: refused with the reason, nothing saved.
    await retype(options, '#support-email', 'it-help at acme');
    await click(options, 'Save changes');
    await textWith(options, '#save-status', 'Not saved');
    expect(await options.$eval('body', (b) => b.textContent)).toContain(
      'Support email: "it-help at acme" is not an email address',
    );
    await retype(options, '#support-email', 'it-help@acme.example');
    await click(options, 'Save changes');
    await textWith(options, '#save-status', 'Open AWRA tabs use it now');
    await options.close();
    const popup = await openPopupFor(s.ext, s.page, `${s.mock.url}/invoices/INV-20417`);
    await type(popup, 'f-expectedResult', 'The invoice posts to QuickBooks');
    await type(popup, 'f-whatChanged', 'Nothing');
    const href = await eventually(
      () => popup.$eval('a[href^="mailto:"]', (a) => a.getAttribute('href')).catch(() => null),
      'the Email support link',
    );
    expect(href).toMatch(/^mailto:it-help@acme\.example\?/);
    await popup.close();
  });

  it('shows a saved page’s Analysis exactly as the analyze CLI prints it', async () => {
    const file = join(ROOT, 'test', 'fixtures', 'pages', 'invoice-sync-log-ol.html');
    const url = 'https://acme.awraops.com/sales/invoices/INV-20417';
    const options = await openOptions(s.ext);
    await click(options, 'Discard changes').catch(() => undefined);
    await options.type('#saved-url', url);
    const input = await options.$('#saved-file');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    const shown = await eventually(
      () => options.$eval('#saved-analysis', (el) => el.textContent).catch(() => null),
      'the saved page analysis',
    );
    // The CLI with the same (saved) rules the page analysed with.
    const dir = mkdtempSync(join(tmpdir(), 'options-e2e-'));
    const saved = (await localStorageKey(s.ext.worker, 'rulePack')) as RulePack;
    writeFileSync(join(dir, 'pack.json'), exportPack(saved).text);
    expect(shown).toBe(run([file, '--url', url, '--rules', join(dir, 'pack.json')]));
    expect(JSON.parse(shown).records.length).toBeGreaterThan(0);
    await options.close();
  });

  it('reset to defaults asks first; declining keeps the saved rules, accepting removes them', async () => {
    const options = await openOptions(s.ext);
    const answers = [false, true];
    const asked: string[] = [];
    options.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void (answers.shift() ? dialog.accept() : dialog.dismiss());
    });
    await click(options, 'Reset to defaults');
    await eventually(async () => asked.length === 1, 'the first question');
    expect(asked[0]).toMatch(/^Reset every rule/);
    const saved = await localStorageKey(s.ext.worker, 'rulePack');
    expect(saved).not.toBeNull();
    // Every save stored the stamp of the patterns it checked with the pack.
    expect(await localStorageKey(s.ext.worker, 'rulePackStamp')).toBe(patternStamp(saved));
    await click(options, 'Reset to defaults');
    await textWith(options, '#save-status', 'Back to the built-in rules');
    expect(await localStorageKey(s.ext.worker, 'rulePack')).toBeNull();
    expect(await localStorageKey(s.ext.worker, 'rulePackStamp')).toBeNull();
    expect(await options.$eval('table.rules', (el) => (el as HTMLElement).innerText)).not.toContain(
      'acme-mpesa-account',
    );
    await options.close();
  });

  it("an AWRA tab takes a pack its stamp vouches for with its patterns only compiled, and checks one it doesn't", async () => {
    await s.page.bringToFront();
    expect((await open(s, '/invoices/INV-20417')).map((v) => v.label)).toEqual(['Mapping missing']);
    const pack = structuredClone(defaultRulePack);
    // Refused by the check (a nested quantifier), yet it compiles and finds the page's message.
    pack.messageRules.unshift({
      id: 'stamped',
      type: 'duplicate-detected',
      pattern: '(a+)+b|not mapped in quickbooks',
      priority: 1000,
      enabled: true,
      description: '',
    });
    const write = (items: Record<string, unknown>) =>
      s.ext.worker.evaluate(async (items: Record<string, unknown>) => {
        const chrome = (
          globalThis as unknown as {
            chrome: { storage: { local: { set(i: object): Promise<void> } } };
          }
        ).chrome;
        await chrome.storage.local.set(items);
      }, items);
    const label = (want: string) =>
      eventually(
        async () => ((await overlays(s.page))[0]?.label === want ? want : null),
        `the open tab to show ${want}`,
        15_000,
      );
    await write({ rulePack: pack, rulePackStamp: patternStamp(pack) });
    await label(defaultRulePack.guidance['duplicate-detected'].label);
    await write({ rulePack: { ...pack, revision: pack.revision + 1 }, rulePackStamp: 'v1:x:1' });
    await label('Mapping missing');
    await write({ rulePack: null, rulePackStamp: null });
  });
});
