/**
 * "Test a saved page": the Analysis of an AWRA page saved as HTML, printed exactly as the
 * analyze CLI prints it (lib/cli/run.ts). The caller parses the HTML (DOMParser in the options
 * page, happy-dom in the CLI) into an inert document; nothing in it runs.
 */
import { analyzeDocument, serializeAnalysis } from '../analyze';
import { unreadableHtmlReason } from '../cli/unreadable';
import type { RulePack } from '../rules/schema';

export type SavedPageResult = { ok: true; json: string } | { ok: false; error: string };

export function analyzeSavedPage(
  bytes: Uint8Array,
  url: string,
  pack: RulePack,
  parse: (html: string) => Document,
): SavedPageResult {
  const reason = unreadableHtmlReason(bytes);
  if (reason) return { ok: false, error: `This file cannot be read as a page: ${reason}.` };
  const pageUrl = url.trim() === '' ? null : url.trim();
  if (pageUrl !== null && !URL.canParse(pageUrl))
    return { ok: false, error: `"${pageUrl}" is not a valid URL.` };
  try {
    const doc = parse(new TextDecoder().decode(bytes));
    const analysis = serializeAnalysis(analyzeDocument(doc, pageUrl, pack));
    return { ok: true, json: JSON.stringify(analysis, null, 2) };
  } catch (error) {
    // An unsaved draft can hold a pattern that does not compile: the page says so.
    return { ok: false, error: `The rules could not be applied: ${String(error)}` };
  }
}
