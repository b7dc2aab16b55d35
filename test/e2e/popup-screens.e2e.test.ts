// On every mock AWRA screen with a failed sync, the popup's escalation carries each field of the
// guide's escalation format (and of AWRA Support's capture list) that the screen shows.
import { defaultRulePack } from '../../lib/rules/default';
import { describe, expect, it } from 'vitest';
import type { SerializedRecord } from '../../lib/messaging/protocol';
import { failingRecords } from '../../lib/popup/records';
import { MOCK_SCREENS } from '../mock-awra/screens';
import { contentScriptTab } from './harness';
import { click, openPopupForTab, popupSuite, text, type, value, waitText } from './popup-helpers';

const s = popupSuite();

/** Form field id → the record's field, for what the page shows as text. */
const SHOWN_AS_TEXT: [string, keyof SerializedRecord][] = [
  ['f-connector', 'connector'],
  ['f-recordNumber', 'recordNumber'],
  ['f-syncRun', 'syncRun'],
  ['f-message', 'message'],
  ['f-customer', 'customer'],
  ['f-vendor', 'vendor'],
  ['f-amount', 'amount'],
  ['f-branch', 'branch'],
  ['f-warehouse', 'warehouse'],
  ['f-user', 'user'],
  ['f-failedAt', 'timestamp'],
];

/** The dashboard has no failed sync to escalate. */
const SCREENS = MOCK_SCREENS.filter((path) => path !== '/');

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('an escalation from each mock screen', () => {
  it.each(SCREENS)('%s: the form and the copied text carry what the screen shows', async (path) => {
    await s.page.goto(`${s.mock.url}${path}`, { waitUntil: 'load' });
    const { response } = await contentScriptTab(s.ext.worker, s.page);
    const records = failingRecords(response.analysis.records, defaultRulePack);
    expect(records.length, `a failed record on ${path}`).toBeGreaterThan(0);
    // What a user sees: the text, plus the values of read-only fields (record pages use them).
    const shownText = squash(
      await s.page.evaluate(() =>
        [
          document.body.innerText,
          ...[...document.querySelectorAll('input, textarea')].map(
            (el) => (el as HTMLInputElement).value,
          ),
          ...[...document.querySelectorAll('select')].map(
            (el) => el.selectedOptions[0]?.text ?? '',
          ),
        ].join(' '),
      ),
    );

    const popup = await openPopupForTab(s.ext, s.page);
    s.watch(popup);
    // Lists: the first record and the last one, picked by the user.
    const picks = records.length > 1 ? [0, records.length - 1] : [0];
    for (const index of picks) {
      if (records.length > 1) await popup.select('#record-picker', String(index));
      const record = records[index]!;
      await popup.waitForFunction(
        (id: string) =>
          (document.getElementById('f-recordNumber') as HTMLInputElement)?.value === id,
        {},
        record.recordNumber ?? '',
      );
      // Connector and message are on every failed record of every screen. A connector card
      // (Integrations) shows no record number, which the user is then asked for, and only a
      // connection badge ("Connected"), which is not a sync status.
      for (const key of ['connector', 'message'] as const)
        expect(record[key], `${key} on ${path}`).not.toBeNull();
      if (record.recordNumber === null) expect(await value(popup, 'f-recordNumber')).toBe('');

      for (const [id, key] of SHOWN_AS_TEXT) {
        const shown = record[key];
        if (typeof shown !== 'string') continue;
        // QBO Sync screens name their connector by the screen itself ("QBO Sync").
        const implied =
          key === 'connector' && shown === 'QuickBooks Online' && /\bQBO\b/.test(shownText);
        if (!implied) expect(shownText, `${key} is on the screen`).toContain(squash(shown));
        expect(await value(popup, id), `${key} in the form on ${path}`).toBe(shown.trim());
      }
      expect(await value(popup, 'f-status')).toBe(record.status ?? '');
      if (record.retryCount !== null)
        expect(Number(await value(popup, 'f-retryCount'))).toBeGreaterThanOrEqual(
          record.retryCount,
        );

      await type(popup, 'f-expectedResult', 'It syncs.');
      if (record.recordNumber === null) {
        await click(popup, 'Copy as text');
        await waitText(popup, '#f-recordNumber-problem', 'record number');
        await type(popup, 'f-recordNumber', 'INV-20417');
      }
      await waitText(popup, '#preview', 'It syncs.');
      const preview = await text(popup, '#preview');
      const shownFields = (['connector', 'recordNumber', 'syncRun', 'status'] as const).filter(
        (k) => record[k] !== null,
      );
      for (const key of shownFields) {
        const label = {
          connector: 'Connector',
          recordNumber: 'Record number',
          syncRun: 'Sync run',
          status: 'Status',
        }[key];
        expect(preview, `${label} in the text`).toContain(`${label}: ${record[key]}`);
      }
      expect(preview).toContain(record.message!.trim());
    }
    await popup.close();
  });

  it('raised no page errors in the popup', () => {
    expect(s.popupErrors).toEqual([]);
  });
});
