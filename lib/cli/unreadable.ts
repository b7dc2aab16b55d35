/**
 * Why a file's bytes cannot be an HTML page, or null when they can. Shared by the CLI and the
 * options page's "Test a saved page" (kept apart from ./html.ts so pages don't bundle happy-dom).
 */
export function unreadableHtmlReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'the file is binary, not HTML';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 16) return 'the file is not UTF-8 text';
  if (!/<\s*[a-z!]/i.test(text)) return 'the file has no HTML markup';
  return null;
}
