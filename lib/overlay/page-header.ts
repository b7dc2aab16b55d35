/**
 * The heading, or the page header it shares a row with (a flex row, or a grid of several
 * columns: "Sync Hub" next to a badge and buttons). After the heading inside such a row the
 * summary would be one more item beside it, stretching the header; after the row it reads below
 * the title. A column (flex column, one-column grid) is not a row: the summary stays after the
 * heading. Read once a page.
 */
export function headerOf(heading: Element, main: Element): Element {
  const view = heading.ownerDocument.defaultView;
  let header = heading;
  for (let parent = heading.parentElement; view && parent && parent !== main;) {
    if (!isRow(view.getComputedStyle(parent))) break;
    header = parent;
    parent = parent.parentElement;
  }
  return header;
}

function isRow(style: CSSStyleDeclaration): boolean {
  if (style.display.includes('flex')) return !style.flexDirection.startsWith('column');
  if (!style.display.includes('grid')) return false;
  // Computed tracks are lengths ("240px 852px"), line names in brackets.
  const tracks = style.gridTemplateColumns
    .replace(/\[[^\]]*\]/g, ' ')
    .trim()
    .split(/\s+/);
  return tracks.length > 1 || style.gridAutoFlow.includes('column');
}
