import { describe, expect, it } from 'vitest';
import { applyRedaction, findSensitive } from '../../lib/escalation';
import { luhnValid } from '../../lib/escalation/redact';

const kinds = (text: string) => findSensitive(text).map((s) => [s.kind, s.original]);
const masked = (text: string) => applyRedaction(text, findSensitive(text));

describe('findSensitive', () => {
  it('finds emails', () => {
    expect(kinds('Contact j.doe@example.com or ops+qbo@acme.co.ke.')).toEqual([
      ['email', 'j.doe@example.com'],
      ['email', 'ops+qbo@acme.co.ke'],
    ]);
  });

  it('finds Kenyan phone numbers in their usual forms', () => {
    for (const phone of [
      '+254 712 345 418',
      '+254712345418',
      '254712345418',
      '00254 712 345 418',
      '0712 345 418',
      '0712-345-418',
      '0712345418',
      '0110 345 418',
      '+254 (0)712 345 418',
    ])
      expect(kinds(`Call ${phone} today`), phone).toEqual([['phone', phone]]);
  });

  it('finds international phone numbers', () => {
    for (const phone of [
      '+44 20 7946 0958',
      '+1 (415) 555-2671',
      '+255 754 123 456',
      '+33.1.23.45.67.89',
    ])
      expect(kinds(`Call ${phone}.`), phone).toEqual([['phone', phone]]);
  });

  it('finds Luhn-valid card numbers only', () => {
    expect(kinds('Card 4242 4242 4242 4242 declined')).toEqual([['card', '4242 4242 4242 4242']]);
    expect(kinds('Card 5555-5555-5555-4444')).toEqual([['card', '5555-5555-5555-4444']]);
    expect(kinds('Amex 378282246310005')).toEqual([['card', '378282246310005']]);
    expect(kinds('Card 4242 4242 4242 4241 declined')).toEqual([]);
    expect(luhnValid('4242424242424242')).toBe(true);
  });

  it('leaves record numbers, dates, times, amounts and ids alone', () => {
    const text = [
      'Invoice INV-20417 (PAY-000123, SR-2026-11-0425) failed on 2026-11-04 10:42:07 +03:00',
      'or 04/11/2026 and 2026-11-04T10:42:00+03:00; total KES 12,500.00, USD 1,234,567.89,',
      'balance -4,200.50, qty 1 200 000, QuickBooks error 6000, HTTP 401, ref 1762250400000,',
      'Realm 9130357424155866 and txn id 4242424242424242424242, ticket INV-0712345418.',
    ].join(' ');
    expect(findSensitive(text)).toEqual([]);
  });

  it('reports non-overlapping spans in text order with their offsets', () => {
    const text = 'a@b.co then +254 712 345 418';
    const spans = findSensitive(text);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual([
      'a@b.co',
      '+254 712 345 418',
    ]);
  });

  it('stays fast on long digit and word runs', () => {
    const started = Date.now();
    findSensitive(`${'1'.repeat(50_000)} ${'a'.repeat(50_000)} +${'1 '.repeat(20_000)}`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('applyRedaction', () => {
  it('masks emails, phones and cards by default', () => {
    expect(masked('Mail j.doe@example.com')).toBe('Mail j***@example.com');
    expect(masked('Call +254 712 345 418')).toBe('Call +254 7** *** 418');
    expect(masked('Call 0712 345 418')).toBe('Call 07** *** 418');
    expect(masked('Call +44 20 7946 0958')).toBe('Call +44 ** **** *958');
    expect(masked('Card 4242 4242 4242 4242')).toBe('Card **** **** **** 4242');
    expect(masked('Card 4242424242424242')).toBe('Card ************4242');
  });

  it('keeps the text around the spans, record numbers included', () => {
    expect(masked('INV-20417: j.doe@example.com paid KES 12,500.00 on 2026-11-04')).toBe(
      'INV-20417: j***@example.com paid KES 12,500.00 on 2026-11-04',
    );
  });

  it('unmasks just the chosen span', () => {
    const text = 'j.doe@example.com, +254 712 345 418, 4242 4242 4242 4242';
    const spans = findSensitive(text);
    expect(applyRedaction(text, spans, new Set([1]))).toBe(
      'j***@example.com, +254 712 345 418, **** **** **** 4242',
    );
    expect(applyRedaction(text, spans, new Set([0, 1, 2]))).toBe(text);
  });
});
