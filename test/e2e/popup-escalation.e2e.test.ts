// The escalation popup in real Chromium (e2e build) against the mock AWRA app.
import { describe, expect, it } from 'vitest';
import { click, popupSuite, text, type, value, waitText } from './popup-helpers';

const s = popupSuite();

const MESSAGE = "Invalid Reference Id: Account 'Sales - M-Pesa' is not mapped in QuickBooks";

describe('escalation popup', () => {
  it('prefills INV-20417, validates and copies the text', async () => {
    const popup = await s.popupFor('/invoices/INV-20417');
    expect(await value(popup, 'f-recordNumber')).toBe('INV-20417');
    expect(await value(popup, 'f-connector')).toBe('QuickBooks Online');
    expect(await value(popup, 'f-message')).toBe(MESSAGE);
    expect(await value(popup, 'f-status')).toBe('failed');
    expect(await value(popup, 'f-retryCount')).toBe('1');
    // Opened from the toolbar, "Why escalate" is what the overlay's card says: AWRA shows a
    // retry of this very message, the limit of the default role.
    expect(await value(popup, 'f-trigger')).toBe('retry-limit-exceeded');

    // Empty expected result: nothing is copied, the problem shows next to the field.
    await click(popup, 'Copy as text');
    await waitText(popup, '#f-expectedResult-problem', 'Say what you expected to happen.');
    expect(
      await popup.$eval('#f-expectedResult', (el) => [
        el.getAttribute('aria-invalid'),
        el.getAttribute('aria-describedby'),
      ]),
    ).toEqual(['true', 'f-expectedResult-problem']);
    expect(await text(popup, '#output-status')).toContain('nothing was copied');

    await type(popup, 'f-expectedResult', 'The invoice posts to QuickBooks');
    await waitText(popup, '#preview', 'The invoice posts to QuickBooks');
    expect(await popup.$('#f-expectedResult-problem')).toBeNull();
    await click(popup, 'Copy as text');
    await waitText(popup, '#output-status', 'Copied as text and saved to history.');
    await waitText(popup, '#history', 'INV-20417');

    const preview = await popup.$eval('#preview', (el) => el.textContent ?? '');
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(preview);
    expect(copied).toContain('INV-20417');
    expect(copied).toContain(MESSAGE);
    expect(copied).toContain('QuickBooks Online');
    await popup.close();
  });

  it('shows the earlier escalation on a second open and lets the user add a note', async () => {
    const popup = await s.popupFor('/invoices/INV-20417');
    await waitText(popup, '#duplicate', 'Already escalated');
    expect(await text(popup, '#duplicate-text')).toContain(MESSAGE);
    expect(await popup.$('#f-recordNumber')).toBeNull();

    await type(popup, 'duplicate-note', 'Still failing after the mapping review.');
    await click(popup, 'Add a note', '#duplicate');
    await waitText(popup, '#duplicate', 'Note added.');
    expect(await text(popup, '#duplicate-text')).toContain(
      'Still failing after the mapping review.',
    );

    await click(popup, 'Start a new one anyway');
    expect((await await popup.waitForSelector('#f-recordNumber')) !== null).toBe(true);
    expect(await value(popup, 'f-recordNumber')).toBe('INV-20417');
    await popup.close();
  });

  it('lists the history and deletes one', async () => {
    const popup = await s.popupFor('/invoices/INV-20417');
    await waitText(popup, '#history', 'INV-20417');
    expect(await popup.$$eval('#history li', (items) => items.length)).toBe(1);
    await click(popup, 'Delete', '#history li');
    await waitText(popup, '#history', 'No escalations yet.');
    await popup.close();
  });

  it('names no reason to escalate for a failure not yet retried', async () => {
    const popup = await s.popupFor('/invoices/INV-20422');
    expect(await value(popup, 'f-recordNumber')).toBe('INV-20422');
    expect(await value(popup, 'f-retryCount')).toBe('0');
    expect(await value(popup, 'f-trigger')).toBe('');
    await popup.close();
  });

  it('on a screen without sync records says so and offers a blank form', async () => {
    const popup = await s.popupFor('/dashboard');
    await waitText(popup, '#not-sync', 'This tab is not an AWRA sync screen');
    expect(await value(popup, 'f-recordNumber')).toBe('');
    expect(await value(popup, 'f-message')).toBe('');
    await popup.close();
  });

  it('raised no page errors in the popup', () => {
    expect(s.popupErrors).toEqual([]);
  });
});
