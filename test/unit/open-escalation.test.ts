import { describe, expect, it } from 'vitest';
import {
  createOpenEscalationHandler,
  type PendingEscalation,
} from '../../lib/messaging/open-escalation';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromContentScript = { id: ID, tab: { id: 7 }, url: 'https://acme.awraops.com/sync-hub' };
const request = {
  type: 'open-escalation',
  recordNumber: 'INV-20417',
  connector: 'QuickBooks Online',
  trigger: 'retry-limit-exceeded',
};

function setup(openPopup: () => Promise<void> = async () => undefined) {
  const saved: PendingEscalation[] = [];
  const handle = createOpenEscalationHandler({
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    now: () => 1000,
    setPending: async (pending) => void saved.push(pending),
    openPopup,
  });
  return { handle, saved };
}

describe('the overlay asks the background to open the escalation popup', () => {
  it('remembers the record and trigger for the popup, then opens it', async () => {
    const { handle, saved } = setup();
    expect(await handle(request, fromContentScript)).toEqual({ opened: true });
    expect(saved).toEqual([
      {
        recordNumber: 'INV-20417',
        connector: 'QuickBooks Online',
        trigger: 'retry-limit-exceeded',
        at: 1000,
      },
    ]);
  });

  it('says so when the browser will not open the popup, so the overlay can copy instead', async () => {
    const { handle } = setup(async () => {
      throw new Error('no active window');
    });
    expect(await handle(request, fromContentScript)).toEqual({ opened: false });
  });

  it('ignores other senders and malformed requests', () => {
    const { handle, saved } = setup();
    expect(handle(request, { id: 'other-extension', tab: { id: 1 } })).toBeUndefined();
    expect(handle(request, { id: ID, url: `chrome-extension://${ID}/popup.html` })).toBeUndefined();
    expect(handle({ ...request, extra: true }, fromContentScript)).toBeUndefined();
    expect(
      handle({ ...request, recordNumber: 'x'.repeat(500) }, fromContentScript),
    ).toBeUndefined();
    expect(saved).toEqual([]);
  });
});
