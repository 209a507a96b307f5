import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Completion } from '../../../src-shared/domain/insights';
import { renderWithMantine } from '../../../tests/support/render';
import { type CompletionRow, CompletionTable, mostReviewedFirst } from './CompletionTable';

const share = (count: number, of: number) => ({
  count,
  of,
  percent: Math.round((count / of) * 100),
});

function row(n: number, reviews = 3): CompletionRow {
  const completion = { anyAttempt: share(2, reviews), fullDose: share(1, reviews) } as Completion;
  return { key: `t${n}`, label: `Template ${n}`, completion };
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Template' }))
    .getAllByRole('row')
    .slice(1);

describe('a completion table of a busy practice', () => {
  it('shows the first rows, and every row when the clinician asks, then the first again', () => {
    const rows = Array.from({ length: 15 }, (_, n) => row(n + 1));
    renderWithMantine(
      <CompletionTable
        caption="Template"
        rows={[...rows, row(16, 0)]}
        empty="Nothing yet."
        firstRows={12}
      />,
    );
    expect(bodyRows()).toHaveLength(12);
    expect(bodyRows()[0]?.textContent).toContain('Template 1');

    fireEvent.click(screen.getByRole('button', { name: 'Show the whole list (15)' }));
    expect(bodyRows()).toHaveLength(15);
    fireEvent.click(screen.getByRole('button', { name: 'Show the first 12' }));
    expect(bodyRows()).toHaveLength(12);
  });

  it('has no button when every row fits', () => {
    renderWithMantine(
      <CompletionTable
        caption="Template"
        rows={[row(1), row(2)]}
        empty="Nothing yet."
        firstRows={12}
      />,
    );
    expect(bodyRows()).toHaveLength(2);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('templates in a completion table', () => {
  it('come with the most reviewed first, then by name', () => {
    const rows = [row(3, 2), row(2, 9), row(1, 2), row(4, 5)];
    expect(mostReviewedFirst(rows).map((r) => r.label)).toEqual([
      'Template 2',
      'Template 4',
      'Template 1',
      'Template 3',
    ]);
  });
});
