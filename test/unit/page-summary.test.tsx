// @vitest-environment happy-dom
// The list summary's headline: the failed count must match the one AWRA's own list shows (it
// counts failed records only), with records that need attention named apart.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PageSummary } from '../../components/PageSummary';

function headline(total: number, needsAttention: number): string {
  const root = document.createElement('div');
  render(
    <PageSummary
      total={total}
      needsAttention={needsAttention}
      byType={[]}
      byConnector={[]}
      alert={null}
      onDismiss={() => {}}
    />,
    root,
  );
  return root.querySelector('[role=status]')?.textContent ?? '';
}

describe('the list summary headline', () => {
  it.each([
    [18, 0, '18 failed records on this page'],
    [1, 0, '1 failed record on this page'],
    [19, 1, '18 failed and 1 needs attention on this page'],
    [5, 2, '3 failed and 2 need attention on this page'],
    [1, 1, '1 record needs attention on this page'],
    [4, 4, '4 records need attention on this page'],
  ])('%i failing, %i of them needing attention: "%s"', (total, attention, text) => {
    expect(headline(total, attention)).toBe(text);
  });
});

describe('the floating (compact) summary', () => {
  const renderCompact = (
    more: {
      unread?: number;
      onBreakdown?: (open: boolean) => void;
      alert?: string;
      alertShort?: string;
    } = {},
  ) => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <PageSummary
        total={3}
        needsAttention={0}
        byType={[{ label: 'Mapping missing', count: 3 }]}
        byConnector={[{ connector: 'QuickBooks Online', count: 3 }]}
        alert={null}
        compact
        onDismiss={() => {}}
        {...more}
      />,
      root,
    );
    const toggle = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('By type and connector'),
    )!;
    const panel = root.querySelector(`#${toggle.getAttribute('aria-controls')}`)!;
    return { root, toggle, panel };
  };

  it('folds the counts away behind a button that says whether they are shown', async () => {
    const { toggle, panel } = renderCompact();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hasAttribute('hidden')).toBe(true);
    expect(panel.textContent).toContain('QuickBooks Online: 3');
    toggle.click();
    await new Promise((done) => setTimeout(done, 0));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hasAttribute('hidden')).toBe(false);
    toggle.click();
    await new Promise((done) => setTimeout(done, 0));
    expect(panel.hasAttribute('hidden')).toBe(true);
  });

  it('says when it opens and closes (the list is then read in full) and names the rows not read', async () => {
    const calls: boolean[] = [];
    const { toggle, panel } = renderCompact({
      unread: 40,
      onBreakdown: (open) => calls.push(open),
    });
    expect(panel.textContent).toContain('Not read yet: 40');
    toggle.click();
    await new Promise((done) => setTimeout(done, 0));
    toggle.click();
    await new Promise((done) => setTimeout(done, 0));
    expect(calls).toEqual([true, false]);
  });

  it('shows the counts at once when not compact, with no disclosure button', () => {
    const root = document.createElement('div');
    render(
      <PageSummary
        total={1}
        needsAttention={0}
        byType={[{ label: 'Mapping missing', count: 1 }]}
        byConnector={[]}
        alert={null}
        onDismiss={() => {}}
      />,
      root,
    );
    expect(root.querySelector('[aria-expanded]')).toBeNull();
    expect(root.textContent).toContain('Mapping missing: 1');
    expect(root.textContent).not.toContain('Not read yet');
  });

  it('shows the connector-wide alert in one line; the full one folds with the counts', () => {
    const full = 'QuickBooks Online failed for 712 records; SMS gateway failed for 154 records …';
    const { root, panel } = renderCompact({
      alert: full,
      alertShort: 'Failing for many records: QuickBooks Online, SMS gateway and 4 more.',
    });
    expect(root.querySelector('.alert')?.textContent).toBe(
      'Failing for many records: QuickBooks Online, SMS gateway and 4 more.',
    );
    expect(panel.textContent).toContain(full);
  });
});
