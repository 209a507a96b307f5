import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Barrier } from '../../../src-shared/domain/template';
import { renderControlled } from '../../../tests/support/render';
import { BarriersEditor } from './BarriersEditor';

const barriers: Barrier[] = [
  { barrier: 'I forget', ifThen: 'If I finish breakfast, then I will open the worksheet' },
];

const renderEditor = (initial = barriers) =>
  renderControlled(initial, (value, onChange) => (
    <BarriersEditor value={value} onChange={onChange} />
  ));

describe('BarriersEditor', () => {
  it('pairs each barrier with its if-then plan, both labelled', () => {
    renderEditor();
    expect(screen.getByRole('group', { name: 'What might get in the way' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Barrier 1' }).value).toBe(
      'I forget',
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'If-then plan 1' }).value).toBe(
      barriers[0]?.ifThen,
    );
  });

  it('adds a barrier and its plan with the keyboard only', async () => {
    const { user, value } = renderEditor();
    screen.getByRole('button', { name: 'Add a barrier and its if-then plan' }).focus();
    await user.keyboard('{Enter}');
    await user.keyboard('Too tired after work');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'If-then plan 2' }));
    await user.keyboard('If I get home tired, then I will do the two-minute version');
    expect(value()[1]).toEqual({
      barrier: 'Too tired after work',
      ifThen: 'If I get home tired, then I will do the two-minute version',
    });
  });

  it('edits and removes a barrier', async () => {
    const { user, value } = renderEditor([...barriers, { barrier: 'Busy', ifThen: 'If…' }]);
    await user.type(screen.getByRole('textbox', { name: 'Barrier 2' }), ' weekends');
    expect(value()[1]).toEqual({ barrier: 'Busy weekends', ifThen: 'If…' });
    await user.click(screen.getByRole('button', { name: 'Remove barrier 1' }));
    expect(value()).toEqual([{ barrier: 'Busy weekends', ifThen: 'If…' }]);
  });
});
