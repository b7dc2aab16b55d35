// @vitest-environment happy-dom
// Which rows of a long list get badges: those within a viewport height of the viewport, found
// by bisection over rows in document order, whatever the page's layout does to that order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearRows } from '../../lib/overlay/near-viewport';

type Box = { top: number; bottom: number; width: number; height: number };
const box = (top: number, height: number): Box => ({
  top,
  bottom: top + height,
  width: height > 0 ? 800 : 0,
  height,
});
const NONE = box(0, 0);

function list(boxes: Box[]) {
  const rows = boxes.map(() => document.createElement('tr'));
  const reads: Element[] = [];
  const boxOf = (row: Element) => {
    reads.push(row);
    return boxes[rows.indexOf(row as HTMLTableRowElement)]!;
  };
  return {
    rows,
    boxOf,
    reads,
    at: (found: Element[]) => found.map((r) => rows.indexOf(r as never)),
  };
}

/** The answer by scanning every row: what bisection must agree with. */
const scan = (boxes: Box[], top: number, bottom: number) =>
  boxes.flatMap((b, i) => (b.height > 0 && b.bottom >= top && b.top <= bottom ? [i] : []));

describe('nearRows', () => {
  it('finds the rows overlapping the band on a 5,000-row list with a few dozen box reads', () => {
    const boxes = Array.from({ length: 5000 }, (_, i) => box(i * 40 - 100_000, 40));
    const { rows, boxOf, reads, at } = list(boxes);
    const found = at(nearRows(rows, boxOf, -900, 1800));
    expect(found).toEqual(scan(boxes, -900, 1800));
    expect(found.length).toBeGreaterThan(60);
    expect(reads.length).toBeLessThan(found.length + 20);
  });

  it('skips rows the page hid with CSS (no box) and still finds the rows after them', () => {
    const boxes = [box(-500, 40), NONE, NONE, box(100, 40), NONE, box(3000, 40)];
    const { rows, boxOf, at } = list(boxes);
    expect(at(nearRows(rows, boxOf, -900, 1800))).toEqual([0, 3]);
  });

  it('scans a list laid out bottom to top (reversed) whole', () => {
    const boxes = [box(5000, 40), box(1000, 40), box(200, 40), box(-2000, 40)];
    const { rows, boxOf, at } = list(boxes);
    expect(at(nearRows(rows, boxOf, -900, 1800))).toEqual([1, 2]);
  });

  it('finds nothing in an empty list or a list scrolled far away', () => {
    expect(nearRows([], () => NONE, -900, 1800)).toEqual([]);
    const boxes = Array.from({ length: 100 }, (_, i) => box(10_000 + i * 40, 40));
    const { rows, boxOf } = list(boxes);
    expect(nearRows(rows, boxOf, -900, 1800)).toEqual([]);
  });

  it('agrees with a scan of every row on random lists (rows in order, some hidden, some tall)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            height: fc.integer({ min: 0, max: 400 }),
            gap: fc.integer({ min: 0, max: 50 }),
          }),
          {
            maxLength: 200,
          },
        ),
        fc.integer({ min: -20_000, max: 0 }),
        (shapes, start) => {
          let y = start;
          const boxes = shapes.map(({ height, gap }) => {
            const b = height === 0 ? NONE : box(y, height);
            if (height > 0) y += height + gap;
            return b;
          });
          const { rows, boxOf, at } = list(boxes);
          expect(at(nearRows(rows, boxOf, -900, 1800))).toEqual(scan(boxes, -900, 1800));
        },
      ),
    );
  });
});
