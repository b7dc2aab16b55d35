import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRulePack } from '../../lib/rules/default';
import { PAGES_DIR } from '../helpers/fixtures';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'lib', 'cli', 'analyze.ts');
const TSX = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

/** Runs the CLI as a user does; resolves with exit code, stdout and stderr. */
async function analyze(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
});

describe('analyze PAGE.html', { timeout: 60_000 }, () => {
  it('prints the Analysis of a saved page as JSON, without DOM references', async () => {
    const page = join(PAGES_DIR, 'sync-hub-thead-table.html');
    const result = await analyze(page, '--url', 'https://acme.awraops.com/sync-hub');
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(analysis.page).toBe('sync-hub');
    expect(analysis.records.length).toBeGreaterThan(0);
    expect(Object.keys(analysis.records[0])).not.toContain('anchor');
    expect(Object.keys(analysis.records[0])).toEqual(
      expect.arrayContaining(['recordNumber', 'message', 'messageType']),
    );
  });

  it('uses a rules file: a pack without message rules classifies nothing', async () => {
    const rules = file(
      'empty-rules.json',
      JSON.stringify({ ...defaultRulePack, messageRules: [] }),
    );
    const result = await analyze(join(PAGES_DIR, 'qbo-sync-detail-dl.html'), '--rules', rules);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(analysis.records[0].messageType).toBe('unknown');
  });
});

describe('analyze --messages FILE', { timeout: 60_000 }, () => {
  it('classifies one message per line, in input order', async () => {
    const messages = file(
      'messages.txt',
      'AuthenticationFailed: Token expired (401)\nDuplicate Document Number Error (6140)\nCard declined by issuer\n',
    );
    const result = await analyze('--messages', messages);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { message: 'AuthenticationFailed: Token expired (401)', messageType: 'authorization-failed' },
      { message: 'Duplicate Document Number Error (6140)', messageType: 'duplicate-detected' },
      { message: 'Card declined by issuer', messageType: 'unknown' },
    ]);
  });
});

// One CLI process at a time, each given a minute: a loaded 2-core machine starts tsx slowly.
describe(
  'bad input exits 2 with one line on stderr and nothing on stdout',
  { timeout: 60_000 },
  () => {
    const cases: [string, () => string[], RegExp][] = [
      ['a missing page', () => [join(dir, 'nope.html')], /page .*nope\.html: no such file/],
      [
        'a binary file',
        () => [file('image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))],
        /unreadable HTML: the file is binary/,
      ],
      ['an empty file', () => [file('empty.html', '')], /unreadable HTML: the file is empty/],
      [
        'text that is not HTML',
        () => [file('notes.html', 'just some notes')],
        /unreadable HTML: the file has no HTML markup/,
      ],
      [
        'a rules file that is not JSON',
        () => [join(PAGES_DIR, 'neg-404.html'), '--rules', file('bad.json', '{ nope')],
        /rules file .*bad\.json: not JSON/,
      ],
      [
        'a rules file failing the schema (names the field)',
        () => [
          join(PAGES_DIR, 'neg-404.html'),
          '--rules',
          file(
            'invalid.json',
            JSON.stringify({
              ...defaultRulePack,
              messageRules: [{ ...defaultRulePack.messageRules[0], pattern: '(unclosed' }],
            }),
          ),
        ],
        /rules file .*invalid\.json: messageRules\.0\.pattern: invalid regular expression/,
      ],
      [
        'a rules file of another schema version',
        () => [
          join(PAGES_DIR, 'neg-404.html'),
          '--rules',
          file('old.json', JSON.stringify({ ...defaultRulePack, schemaVersion: 99 })),
        ],
        /schemaVersion: unsupported version 99/,
      ],
      [
        'a missing messages file',
        () => ['--messages', join(dir, 'none.txt')],
        /messages file .*none\.txt: no such file/,
      ],
      ['no page at all', () => [], /usage: analyze/],
      ['an unknown option', () => ['--bogus'], /Unknown option '--bogus'/],
      [
        'an invalid --url',
        () => [join(PAGES_DIR, 'neg-404.html'), '--url', 'not a url'],
        /--url not a url: not a valid URL/,
      ],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        const result = await analyze(...args());
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
      });
    }
  },
);
