/** What must hold for every Analysis the engine returns, whatever page it read. */
import { expect } from 'vitest';
import { serializeAnalysis, type Analysis } from '../../lib/analyze';
import { SerializedAnalysisSchema } from '../../lib/messaging/protocol';
import type { RulePack } from '../../lib/rules/schema';

export function expectValidAnalysis(analysis: Analysis, doc: Document, pack: RulePack) {
  const serialized = serializeAnalysis(analysis);
  const parsed = SerializedAnalysisSchema.safeParse(serialized);
  expect(parsed.error?.issues ?? []).toEqual([]);
  // The schema strips unknown keys: equality also proves the records carry no extra fields.
  expect(parsed.data).toEqual(serialized);
  // It crosses a message boundary: it must survive JSON unchanged.
  expect(JSON.parse(JSON.stringify(serialized))).toEqual(serialized);
  if (analysis.page === null) expect(analysis.records).toEqual([]);
  for (const record of analysis.records) {
    if (record.message !== null)
      expect(record.message.length).toBeLessThanOrEqual(pack.maxMessageLength + 1);
    // A type only for a message, and every message gets one.
    expect(record.messageType === null).toBe(record.message === null);
    // The overlay attaches to the anchor: it must be in this page.
    if (record.anchor) expect(doc.contains(record.anchor)).toBe(true);
  }
}
