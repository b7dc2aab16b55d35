/**
 * Patterns built on first use. Constructing a Unicode pattern (\p{L}, the iu flags) costs up to
 * a millisecond on a page, and most of a pack's patterns are never needed on a given screen.
 */
export function lazyRegExp(source: string, flags: string): { readonly regex: RegExp } {
  let regex: RegExp | null = null;
  return {
    get regex() {
      return (regex ??= new RegExp(source, flags));
    },
  };
}
