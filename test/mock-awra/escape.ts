/** The one HTML escape used for every piece of text and every attribute value the mock renders. */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (ch) => ENTITIES[ch] ?? ch) : text;
}
