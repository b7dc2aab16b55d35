import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeDocument, serializeAnalysis } from '../analyze';
import { classifyMessage } from '../analyze/classify';
import { compilePack } from '../analyze/compile';
import { defaultRulePack } from '../rules/default';
import { parseRulePackText } from '../rules/load';
import type { RulePack } from '../rules/schema';
import { parseHtml, unreadableHtmlReason } from './html';

/** Bad input: one line on stderr, nothing on stdout, exit 2. */
export class UsageError extends Error {}

const USAGE =
  'usage: analyze PAGE.html [--url URL] [--rules PACK.json] | analyze --messages FILE [--rules PACK.json]';

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new UsageError(`${what} ${path}: ${reason}`);
  }
}

function loadPack(path: string | undefined): RulePack {
  if (!path) return defaultRulePack;
  const result = parseRulePackText(readFile(path, 'rules file').toString('utf8'));
  if (!result.ok)
    throw new UsageError(
      `rules file ${path}: ${result.errors[0]}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problems)` : ''}`,
    );
  return result.pack;
}

/** Runs the analyze command and returns what it prints; bad input throws UsageError. */
export function run(argv: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { url: { type: 'string' }, rules: { type: 'string' }, messages: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.messages !== undefined) {
    if (positionals.length > 0) throw new UsageError(`--messages takes no page; ${USAGE}`);
    const bytes = readFile(values.messages, 'messages file');
    const pack = loadPack(values.rules);
    const rules = compilePack(pack).messageRules;
    const lines = bytes.toString('utf8').split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    return JSON.stringify(
      lines.map((message) => ({
        message,
        messageType: classifyMessage(message, rules).messageType,
      })),
      null,
      2,
    );
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const page = positionals[0]!;
  const bytes = readFile(page, 'page');
  const reason = unreadableHtmlReason(bytes);
  if (reason) throw new UsageError(`page ${page}: unreadable HTML: ${reason}`);
  const url = values.url ?? null;
  if (url !== null && !URL.canParse(url)) throw new UsageError(`--url ${url}: not a valid URL`);
  const pack = loadPack(values.rules);
  const document = parseHtml(bytes.toString('utf8'), url);
  return JSON.stringify(serializeAnalysis(analyzeDocument(document, url, pack)), null, 2);
}
