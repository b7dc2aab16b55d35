/** Styles inside each overlay's shadow root: AWRA's CSS cannot reach in, ours cannot leak out. */
export const overlayStyles = `
:host { all: initial; display: block; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bg: #ffffff; --fg: #1f2933; --muted: #52606d; --border: #cbd2d9; --accent: #0b5cad; --accent-fg: #ffffff;
  --warn-bg: #fff4e5; --warn-fg: #7a3e00; --alert-bg: #fdecea; --alert-fg: #8a1c12; color-scheme: light dark; }
/* A collapsed badge sits under the row's message and adds nothing to the column's width (size
   containment): AWRA's columns never move when badges appear, and a table in an overflow:auto
   wrapper never gains a scrollbar (which also makes every repaint paint the whole list). */
:host([data-inline]) { display: block; contain: inline-size; margin-block-start: 4px; }
:host([data-inline][data-expanded]) { contain: none; }
/* A long table's badge, drawn over its row at the end of the message (lib/overlay/row-layer.ts
   sets the --sa-* offsets): nothing in the table moves, and the badge covers no text. An open
   card drops below the row, over the rows under it. */
:host([data-layer]) { position: absolute; left: var(--sa-left, 0); top: var(--sa-top, 0); max-width: var(--sa-max, 240px); }
:host([data-layer][data-expanded]) { z-index: 1; }
:host([data-layer]) button.badge { display: block; max-width: 100%; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; font-size: 11px; line-height: 16px; padding: 0 7px; box-shadow: 0 1px 2px rgb(0 0 0 / 0.2); }
:host([data-layer]) .badge-wrap > div { position: absolute; width: 420px; max-width: 90vw;
  top: calc(var(--sa-card-top, 0px) - var(--sa-top, 0px)); left: calc(var(--sa-card-left, 0px) - var(--sa-left, 0px)); }
/* A long list's summary floats in the window's corner: it moves nothing on the page. */
:host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  max-width: min(420px, calc(100vw - 32px)); max-height: 45vh; overflow: auto; }
:host([data-floating]) button.disclosure { color: var(--accent); padding: 0; margin-top: 4px; }
:host([data-floating]) .summary { margin: 0; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
:host([data-layer]) .card { margin: 4px 0 0; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
@media (prefers-color-scheme: dark) {
  :host { --bg: #1c2430; --fg: #e4e7eb; --muted: #b8c2cc; --border: #3e4c59; --accent: #7cc4fa; --accent-fg: #0b1a2b;
    --warn-bg: #3d2a10; --warn-fg: #ffd8a8; --alert-bg: #3f1d1a; --alert-fg: #ffc9c3; }
}
* { box-sizing: border-box; }
.card, .summary { background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-inline-start: 4px solid var(--accent);
  border-radius: 6px; padding: 10px 12px; margin: 8px 0; max-width: 640px; text-align: start; white-space: normal; }
.card header, .summary header { display: flex; gap: 8px; align-items: center; }
h2 { font-size: 14px; margin: 0; flex: 1; }
p { margin: 6px 0; }
ul { margin: 4px 0; padding-inline-start: 18px; }
.checks { border: 0; padding: 0; margin: 8px 0; }
.checks legend { font-weight: 600; padding: 0; }
.checks ul { list-style: none; padding: 0; }
.checks li { display: flex; gap: 6px; align-items: flex-start; margin: 3px 0; }
.mistakes li { color: var(--warn-fg); }
.warn, .wait, .escalate, .confirm { background: var(--warn-bg); color: var(--warn-fg); border-radius: 4px; padding: 6px 8px; }
.alert { background: var(--alert-bg); color: var(--alert-fg); border-radius: 4px; padding: 6px 8px; }
.muted, .who { color: var(--muted); }
.columns { display: flex; gap: 24px; flex-wrap: wrap; }
button { font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--border); border-radius: 4px;
  padding: 3px 8px; cursor: pointer; }
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
button.quiet { border-color: transparent; text-decoration: underline; }
button.badge { background: var(--bg); border-color: var(--accent); color: var(--fg); font-weight: 600; border-radius: 999px;
  max-width: 100%; overflow-wrap: anywhere; text-align: start; }
button.badge.type-unknown, .card.type-unknown { border-color: var(--muted); }
a { color: var(--accent); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
`;
