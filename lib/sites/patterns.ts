/**
 * Admin-added AWRA sites. An admin types a host ("erp.acme.co.ke", "https://awra.acme.com/"); the
 * extension stores and requests a match pattern for exactly that host, never a wildcard host.
 */
export type SiteResult =
  { ok: true; pattern: string; origin: string } | { ok: false; error: string };

const HOST =
  /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$|^localhost$|^\d{1,3}(?:\.\d{1,3}){3}$/;

export function siteFromInput(input: string): SiteResult {
  const raw = input.trim().toLowerCase();
  if (!raw) return { ok: false, error: 'Enter a host name, such as erp.example.com.' };
  if (raw.includes('<all_urls>') || /^\*?:?\/*\*?$/.test(raw))
    return { ok: false, error: 'Only a specific AWRA host can be added.' };
  const withScheme = /^[a-z]+:\/\//.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme.replace('://*.', '://wildcard-placeholder.'));
  } catch {
    return { ok: false, error: `"${input.trim()}" is not a host name.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: 'Only http and https sites can be added.' };
  const host = url.hostname.replace(/^wildcard-placeholder\./, '*.');
  if (
    !HOST.test(host) ||
    host === '*.com' ||
    host.split('.').length < (host.startsWith('*.') ? 3 : 1)
  ) {
    return { ok: false, error: `"${input.trim()}" is not a host name.` };
  }
  const scheme = url.protocol.slice(0, -1);
  return { ok: true, pattern: `${scheme}://${host}/*`, origin: `${scheme}://${host}` };
}

/** A stable content-script registration id for a site pattern. */
export function registrationId(pattern: string): string {
  return `awra-site:${pattern}`;
}
