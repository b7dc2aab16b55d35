import { collapse } from '../analyze/text';
import type { OverlayTarget } from './targets';

const CONTROL = 'button, a, [role=button], input[type=button], input[type=submit]';

/** The retry button or link a click landed on, by its words ("Retry", "Resend", "Sync now"). */
export function retryControlAt(target: EventTarget | null, words: Set<string>): Element | null {
  if (!(target instanceof Element)) return null;
  const control = target.closest(CONTROL);
  if (!control) return null;
  const text = collapse(
    (
      control.getAttribute('aria-label') ??
      control.textContent ??
      (control as HTMLInputElement).value ??
      ''
    ).toLowerCase(),
  );
  for (const word of words) if (text === word || text.startsWith(`${word} `)) return control;
  return null;
}

/** The record a retry control belongs to: the row or entry holding it, else the page's only record. */
export function targetForControl(control: Element, targets: OverlayTarget[]): OverlayTarget | null {
  const holding = targets.filter(
    (t) =>
      t.anchor.contains(control) ||
      (t.anchor.tagName === 'TR' && t.anchor === control.closest('tr')),
  );
  if (holding.length > 0) return holding[0]!;
  const records = new Set(
    targets.map((t) => `${t.historyKey.connector}|${t.historyKey.recordNumber}`),
  );
  return records.size === 1 ? targets[0]! : null;
}
