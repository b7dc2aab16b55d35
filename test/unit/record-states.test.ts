// The overlay's copy of each record's stored state: edits made before the stored state arrives
// are replayed on it (never written over it), and a refused write says history is unavailable.
import { describe, expect, it, vi } from 'vitest';
import { emptyState, type RecordState } from '../../lib/overlay/backend';
import { RecordStates } from '../../lib/overlay/record-states';

const ref = { connector: 'QuickBooks Online', recordNumber: 'INV-20417' };
const stored: RecordState = {
  ...emptyState(true),
  ticks: ['read-message', 'check-mappings'],
  history: { attempts: [{ at: 1, message: 'No mapping', outcome: 'failed', overridden: false }] },
};
const tick = (id: string) => (s: RecordState) => ({ ticks: [...s.ticks, id] });

/** A background whose answer for the record's state comes when `answer` is called. */
function slowBackend() {
  let answer: (state: RecordState) => void = () => {};
  let refuse: () => void = () => {};
  const backend = {
    recordState: vi.fn(
      () =>
        new Promise<RecordState>((ok, fail) => {
          answer = ok;
          refuse = () => fail(new Error('closed'));
        }),
    ),
    saveRecordState: vi.fn(async () => {}),
  };
  return { backend, answer: (s: RecordState) => answer(s), refuse: () => refuse() };
}

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('record states in the page', () => {
  it('a tick before the stored state arrives is added to it and saved once', async () => {
    const { backend, answer } = slowBackend();
    const changed = vi.fn();
    const states = new RecordStates(backend, changed);
    states.edit(ref, tick('fix-then-retry'), true);
    expect(states.get(ref).ticks).toEqual(['fix-then-retry']);
    expect(backend.saveRecordState).not.toHaveBeenCalled();
    answer(stored);
    await settle();
    expect(states.get(ref).ticks).toEqual(['read-message', 'check-mappings', 'fix-then-retry']);
    expect(backend.saveRecordState).toHaveBeenCalledTimes(1);
    expect(backend.saveRecordState).toHaveBeenCalledWith(ref, states.get(ref));
    expect(changed).toHaveBeenCalled();
    expect(backend.recordState).toHaveBeenCalledTimes(1);
  });

  it('a retry before the answer stays in the history the card knows, and is not saved by it', async () => {
    const { backend, answer } = slowBackend();
    const states = new RecordStates(backend, () => {});
    const attempt = { at: 2, message: 'No mapping', outcome: null, overridden: false };
    states.edit(ref, (s) => ({ history: { attempts: [...s.history.attempts, attempt] } }), false);
    answer(stored);
    await settle();
    expect(states.get(ref).history.attempts).toEqual([...stored.history.attempts, attempt]);
    expect(backend.saveRecordState).not.toHaveBeenCalled();
  });

  it('after the answer an edit is saved at once; the state is asked for only once', async () => {
    const { backend, answer } = slowBackend();
    const states = new RecordStates(backend, () => {});
    void states.load(ref);
    void states.load(ref);
    answer(stored);
    await settle();
    states.edit(ref, () => ({ dismissed: true }), true);
    expect(backend.saveRecordState).toHaveBeenCalledWith(ref, { ...stored, dismissed: true });
    expect(backend.recordState).toHaveBeenCalledTimes(1);
  });

  it('an unreadable store keeps the page\u2019s edits and says history is unavailable', async () => {
    const { backend, refuse } = slowBackend();
    const states = new RecordStates(backend, () => {});
    states.edit(ref, tick('read-message'), true);
    refuse();
    await settle();
    expect(states.get(ref)).toMatchObject({ available: false, ticks: ['read-message'] });
  });

  it('a refused write makes history unavailable and tells the cards', async () => {
    const { backend, answer } = slowBackend();
    backend.saveRecordState.mockRejectedValue(new Error('QuotaExceededError'));
    const changed = vi.fn();
    const states = new RecordStates(backend, changed);
    void states.load(ref);
    answer(stored);
    await settle();
    changed.mockClear();
    states.edit(ref, tick('fix-then-retry'), true);
    await settle();
    expect(states.get(ref).available).toBe(false);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
