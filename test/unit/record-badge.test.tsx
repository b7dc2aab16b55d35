// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { RecordBadge } from '../../components/RecordBadge';

function Badge() {
  const [expanded, setExpanded] = useState(false);
  return (
    <RecordBadge
      id="sa-1"
      label="Mapping missing"
      type="mapping-missing"
      recordNumber="INV-20417"
      expanded={expanded}
      onToggle={() => setExpanded(!expanded)}
    >
      <article class="card">
        <button type="button" class="inside">
          Hide
        </button>
      </article>
    </RecordBadge>
  );
}

const press = (target: Element, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

describe('a list badge', () => {
  it('opens its card on click; Escape closes it and gives focus back to the badge', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<Badge />, root));
    const badge = root.querySelector<HTMLButtonElement>('button.badge')!;
    expect(badge.title).toBe('Mapping missing');
    await act(() => badge.click());
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    const inside = root.querySelector<HTMLButtonElement>('button.inside')!;
    inside.focus();

    await press(inside, 'Enter');
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    await press(inside, 'Escape');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('article.card')).toBeNull();
    expect(document.activeElement).toBe(badge);

    // Escape on a closed badge does nothing (it does not open it).
    await press(badge, 'Escape');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    root.remove();
  });
});
