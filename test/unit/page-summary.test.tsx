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
