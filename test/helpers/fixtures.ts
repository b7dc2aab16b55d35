import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, SyncRecord } from '../../lib/analyze/types';

export const PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'pages');

export interface PageFixture {
  name: string;
  html: string;
  url: string | null;
  page: Analysis['page'];
  records: Partial<SyncRecord>[];
}

/** Every `NAME.html` with its `NAME.expected.json` under test/fixtures/pages. */
export function loadPageFixtures(dir = PAGES_DIR): PageFixture[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      return { name, html: readFileSync(join(dir, file), 'utf8'), ...expected };
    });
}

/** Field-by-field differences between expected (partial) and actual records, as readable lines. */
export function recordDifferences(expected: Partial<SyncRecord>[], actual: SyncRecord[]): string[] {
  const problems: string[] = [];
  if (expected.length !== actual.length)
    problems.push(`records: expected ${expected.length}, got ${actual.length}`);
  expected.forEach((want, index) => {
    const got = actual[index] as unknown as Record<string, unknown> | undefined;
    for (const [field, value] of Object.entries(want)) {
      if (!got || got[field] !== value) {
        problems.push(
          `records[${index}].${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got?.[field])}`,
        );
      }
    }
  });
  return problems;
}
