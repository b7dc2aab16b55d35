/** Small numeric helpers for the benchmark. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * tsx compiles functions passed to page.evaluate with esbuild's keepNames, which calls a
 * `__name` helper the page does not have: define it in every document of the page.
 */
export async function shimEsbuildNames(page: import('puppeteer-core').Page): Promise<void> {
  const shim = 'globalThis.__name = (fn) => fn;';
  await page.evaluateOnNewDocument(shim);
  await page.evaluate(shim).catch(() => undefined);
}
