import type { Pair } from './collect';
import type { RecordField } from './types';

/** Fields that occur once per sync attempt: two of them in one region mean two records. */
const PER_ATTEMPT: ReadonlySet<RecordField> = new Set([
  'status',
  'message',
  'syncRun',
  'retryCount',
]);

/**
 * Groups labelled values into records. A pair belongs to the largest ancestor that still holds
 * at most one status, message, sync run and retry count (one attempt's region) and at least two fields; the first
 * ancestor holding two statuses or two messages is a list of records, not a record. Pairs with
 * no such region are page-level (a record page's own fields).
 */
export function groupPairs(
  pairs: Pair[],
  root: Element,
): { containers: Map<Element, Pair[]>; page: Pair[] } {
  const counts = new Map<Element, Map<RecordField, number>>();
  for (const pair of pairs) {
    for (let node: Element | null = pair.el; node && node !== root; node = node.parentElement) {
      let fields = counts.get(node);
      if (!fields) counts.set(node, (fields = new Map()));
      fields.set(pair.field, (fields.get(pair.field) ?? 0) + 1);
    }
  }
  const containers = new Map<Element, Pair[]>();
  const page: Pair[] = [];
  for (const pair of pairs) {
    let container: Element | null = null;
    for (let node: Element | null = pair.el; node && node !== root; node = node.parentElement) {
      const fields = counts.get(node)!;
      let single = true;
      for (const [field, count] of fields) if (count > 1 && PER_ATTEMPT.has(field)) single = false;
      if (!single) break;
      if (fields.size >= 2) container = node;
    }
    if (!container) page.push(pair);
    else {
      const list = containers.get(container);
      if (list) list.push(pair);
      else containers.set(container, [pair]);
    }
  }
  return { containers, page };
}
