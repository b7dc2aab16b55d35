/**
 * Admin-added AWRA sites. An admin types a host ("erp.acme.co.ke", "https://awra.acme.com/"); the
 * extension stores and requests a match pattern for exactly that host, or for the subdomains of
 * one organisation's own domain ("*.acme-erp.com"), never for a public suffix ("*.co.uk") or a
 * hosting platform whose subdomains belong to anyone ("*.github.io").
 */
export type SiteResult =
  { ok: true; pattern: string; origin: string } | { ok: false; error: string };

const HOST =
  /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$|^localhost$|^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Second-level labels under a country code that are public suffixes ("co.uk", "com.au"). */
const PUBLIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'ltd', 'plc', 'sch', 'me', 'info', 'biz', 'mil', 'nic']); // prettier-ignore
/** Shared hosting and platform domains: their subdomains are other people's sites. */
const SHARED_HOSTING = new Set(['github.io', 'gitlab.io', 'herokuapp.com', 'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 'appspot.com', 'azurewebsites.net', 'cloudfront.net', 'blogspot.com', 'onrender.com', 'fly.dev', 'ngrok.io', 'ngrok-free.app', 'amazonaws.com', 'cloudapp.net', 'glitch.me', 'repl.co', 'wordpress.com', 'wixsite.com', 'myshopify.com']); // prettier-ignore

/** Is "*.base" every site under a public suffix or a shared platform rather than one organisation's? */
function isPublicWildcard(base: string): boolean {
  const labels = base.split('.');
  if (labels.length < 2) return true;
  if (SHARED_HOSTING.has(labels.slice(-2).join('.'))) return true;
  if (SHARED_HOSTING.has(labels.slice(-3).join('.'))) return true;
  // "co.uk", "com.au", "co.ke": a country code with a generic second level.
  const [second, top] = labels.slice(-2) as [string, string];
  return labels.length === 2 && top.length === 2 && PUBLIC_SECOND_LEVEL.has(second);
}

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
  if (host.startsWith('*.') && isPublicWildcard(host.slice(2)))
    return {
      ok: false,
      error: `"${host}" covers other organisations' sites too: add your own domain's host, such as erp.${host.slice(2)}.`,
    };
  const scheme = url.protocol.slice(0, -1);
  return { ok: true, pattern: `${scheme}://${host}/*`, origin: `${scheme}://${host}` };
}

/** A stable content-script registration id for a site pattern. */
export function registrationId(pattern: string): string {
  return `awra-site:${pattern}`;
}
