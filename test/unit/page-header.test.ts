// @vitest-environment happy-dom
// Where the list summary goes: after the page's title, or after the header row the title shares
// with badges and buttons, never after a whole page laid out as one column.
import { describe, expect, it } from 'vitest';
import { headerOf } from '../../lib/overlay/page-header';

function place(markup: string): string {
  document.body.innerHTML = `<main>${markup}</main>`;
  const main = document.querySelector('main')!;
  const at = headerOf(main.querySelector('h1')!, main);
  return at.id || at.tagName.toLowerCase();
}

describe('the page header the summary goes after', () => {
  it.each([
    ['a title alone', '<h1>Sync Hub</h1><p>Runs</p>', 'h1'],
    [
      'a flex row',
      '<div id="head" style="display:flex"><h1>Sync Hub</h1><button>New</button></div>',
      'head',
    ],
    [
      'an inline-flex row',
      '<div id="head" style="display:inline-flex"><h1>Sync Hub</h1></div>',
      'head',
    ],
    [
      'a flex column',
      '<div style="display:flex;flex-direction:column"><h1>Sync Hub</h1><p>x</p></div>',
      'h1',
    ],
    [
      'a grid of two columns',
      '<div id="head" style="display:grid;grid-template-columns:200px 1fr"><h1>Sync Hub</h1><span>Live</span></div>',
      'head',
    ],
    [
      'a one-column grid (a stack)',
      '<div style="display:grid;grid-template-columns:1fr"><h1>Sync Hub</h1><table></table></div>',
      'h1',
    ],
    [
      'a grid with no columns set',
      '<div style="display:grid;gap:8px"><h1>Sync Hub</h1><table></table></div>',
      'h1',
    ],
    [
      'a row inside a row',
      '<div id="outer" style="display:flex"><div style="display:flex"><h1>Sync Hub</h1></div><button>x</button></div>',
      'outer',
    ],
    [
      'a row inside a block',
      '<section><div id="head" style="display:flex"><h1>Sync Hub</h1></div></section>',
      'head',
    ],
  ])('%s', (_, markup, expected) => {
    expect(place(markup)).toBe(expected);
  });

  it('never climbs out of the main content', () => {
    document.body.innerHTML = '<main style="display:flex"><h1>Sync Hub</h1></main>';
    const main = document.querySelector('main')!;
    expect(headerOf(main.querySelector('h1')!, main)).toBe(main.querySelector('h1'));
  });
});
