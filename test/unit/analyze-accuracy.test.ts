import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze';
import { parseHtml } from '../../lib/cli/html';
import { defaultRulePack } from '../../lib/rules/default';
import { loadPageFixtures, PAGES_DIR } from '../helpers/fixtures';

/**
 * The second corpus (test/fixtures/holdout) was written independently of the engine, in other
 * frameworks' markup. Not every page must be exact; the share of checked values must stay at the
 * bar the team's held-back pages are judged by.
 */
function accuracy(dir: string) {
  let values = 0;
  let right = 0;
  let types = 0;
  let typesRight = 0;
  const misses: string[] = [];
  for (const fixture of loadPageFixtures(dir)) {
    const analysis = analyzeDocument(
      parseHtml(fixture.html, fixture.url),
      fixture.url,
      defaultRulePack,
    );
    values++;
    if (analysis.page === fixture.page) right++;
    else misses.push(`${fixture.name}: page ${analysis.page}`);
    fixture.records.forEach((want, index) => {
      const got = analysis.records[index] as unknown as Record<string, unknown> | undefined;
      for (const [field, value] of Object.entries(want)) {
        const ok = got?.[field] === value;
        if (field === 'messageType') {
          types++;
          if (ok) typesRight++;
        } else {
          values++;
          if (ok) right++;
        }
        if (!ok)
          misses.push(`${fixture.name}[${index}].${field}: got ${JSON.stringify(got?.[field])}`);
      }
    });
  }
  return { fields: right / values, types: typesRight / types, misses };
}

describe('generalisation', () => {
  it('reads at least 95% of page kinds and fields, and 90% of message types, on the second corpus', () => {
    const result = accuracy(join(PAGES_DIR, '..', 'holdout'));
    expect({
      fields: result.fields >= 0.95,
      types: result.types >= 0.9,
      misses: result.misses.length,
    }).toMatchObject({
      fields: true,
      types: true,
    });
  });
});
