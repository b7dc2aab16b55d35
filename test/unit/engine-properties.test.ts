// Property-based tests of the engine: whatever page it meets, it answers with a valid Analysis
// instead of throwing, so the overlay and the popup never break on an odd screen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, type Analysis } from '../../lib/analyze';
import { classifyMessage, compileMessageRules } from '../../lib/analyze/classify';
import { parseHtml } from '../../lib/cli/html';
import { SerializedAnalysisSchema } from '../../lib/messaging/protocol';
import { defaultRulePack } from '../../lib/rules/default';
import {
  anyText,
  documentFromTree,
  htmlSoupArbitrary,
  treeArbitrary,
  urlArbitrary,
} from '../helpers/dom-arbitraries';
import { expectValidAnalysis as expectValid } from '../helpers/analysis-checks';

const pack = defaultRulePack;
// Enough cases to reach odd corners, few enough that the unit suite stays quick; FC_RUNS=2000
// for a longer hunt.
const RUNS = { numRuns: Number(process.env.FC_RUNS) || 100 };

const expectValidAnalysis = (analysis: Analysis, doc: Document) => expectValid(analysis, doc, pack);

describe('engine properties', () => {
  it('random element trees with sync words and hostile text: never throws, always valid', () => {
    fc.assert(
      fc.property(treeArbitrary, urlArbitrary, anyText, (tree, url, title) => {
        const doc = documentFromTree(tree, url, title);
        expectValidAnalysis(analyzeDocument(doc, url, pack), doc);
      }),
      RUNS,
    );
  });

  it('the same trees inside <main> under a sync heading: never throws, always valid', () => {
    fc.assert(
      fc.property(
        fc.array(treeArbitrary, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('Sync Hub', 'QBO Sync', 'Integrations', 'INV-20417 · Sync log'),
        (trees, heading) => {
          const doc = documentFromTree(
            { tag: 'main', attrs: [], children: [{ tag: 'h1', attrs: [], children: [heading] }] },
            'https://acme.awraops.com/sync-hub',
          );
          const main = doc.querySelector('main')!;
          for (const tree of trees) main.append(documentFromTree(tree, null).body.firstChild!);
          expectValidAnalysis(analyzeDocument(doc, 'https://acme.awraops.com/sync-hub', pack), doc);
        },
      ),
      RUNS,
    );
  });

  it('tag soup through the HTML parser: never throws, always valid', () => {
    fc.assert(
      fc.property(htmlSoupArbitrary, urlArbitrary, (html, url) => {
        const doc = parseHtml(html, url);
        expectValidAnalysis(analyzeDocument(doc, url, pack), doc);
      }),
      RUNS,
    );
  });

  it('any text in a message cell is kept as text, capped, and classified', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 3000 })), (text) => {
        const doc = parseHtml(
          `<main><h1>Sync Hub</h1><table><thead><tr><th>Record</th><th>Connector</th><th>Status</th><th>Message</th></tr></thead><tbody><tr><td>INV-1</td><td>QuickBooks Online</td><td>Failed</td><td></td></tr></tbody></table></main>`,
          'https://acme.awraops.com/sync-hub',
        );
        doc.querySelectorAll('td')[3]!.textContent = text;
        const analysis = analyzeDocument(doc, 'https://acme.awraops.com/sync-hub', pack);
        expectValidAnalysis(analysis, doc);
        expect(analysis.page).toBe('sync-hub');
        expect(analysis.records).toHaveLength(1);
        // Nothing of the text was read as markup: no element appeared in the cell.
        expect(doc.querySelectorAll('td')[3]!.children).toHaveLength(0);
      }),
      RUNS,
    );
  });

  it('the classifier gives every string a known type and never throws', () => {
    const rules = compileMessageRules(pack.messageRules);
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        const { messageType } = classifyMessage(text, rules);
        expect(SerializedAnalysisSchema.shape.records.element.shape.messageType.parse(messageType));
      }),
      { numRuns: 300 },
    );
  });
});
