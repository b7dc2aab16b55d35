import { describe, expect, it } from 'vitest';
import { analyzeDocument, serializeAnalysis } from '../../lib/analyze';
import { parseHtml } from '../../lib/cli/html';
import { SerializedAnalysisSchema } from '../../lib/messaging/protocol';
import { defaultRulePack } from '../../lib/rules/default';
import { loadPageFixtures, recordDifferences } from '../helpers/fixtures';

// The page matrix: every markup variant AWRA may use, and pages that must give page: null.
describe('analyzeDocument on fixture pages', () => {
  for (const fixture of loadPageFixtures()) {
    it(`${fixture.name} (${fixture.page ?? 'not a sync page'})`, () => {
      const analysis = analyzeDocument(
        parseHtml(fixture.html, fixture.url),
        fixture.url,
        defaultRulePack,
      );
      expect(analysis.page).toBe(fixture.page);
      expect(recordDifferences(fixture.records, analysis.records)).toEqual([]);
      expect(SerializedAnalysisSchema.safeParse(serializeAnalysis(analysis)).success).toBe(true);
    });
  }
});
