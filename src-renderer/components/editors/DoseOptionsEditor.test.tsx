import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DoseOption } from '../../../src-shared/domain/template';
import { renderControlled } from '../../../tests/support/render';
import { DoseOptionsEditor } from './DoseOptionsEditor';

const twoOptions: DoseOption[] = [
  { label: 'Daily, 5 minutes', dose: { kind: 'per-week', timesPerWeek: 7, minutes: 5 } },
  { label: 'Twice a week, 15 minutes', dose: { kind: 'per-week', timesPerWeek: 2, minutes: 15 } },
];

const renderEditor = (initial = twoOptions) =>
  renderControlled(initial, (value, onChange) => (
    <DoseOptionsEditor value={value} onChange={onChange} />
  ));

describe('DoseOptionsEditor', () => {
  it('turns an option into a skill used when a moment comes, practised at least so often', async () => {
    const { user, value } = renderEditor();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'How often, option 2' }),
      'When a moment comes',
    );
    expect(value()[1]?.dose).toEqual({ kind: 'as-needed', practiseAtLeast: 1, minutes: 15 });
    await user.tripleClick(
      screen.getByRole('textbox', { name: 'Practise at least, times a week, option 2' }),
    );
    await user.keyboard('0');
    expect(value()[1]?.dose).toEqual({ kind: 'as-needed', practiseAtLeast: 0, minutes: 15 });
  });

  it('shows each option in a labelled group, with labelled fields', () => {
    renderEditor();
    const group = screen.getByRole('group', { name: 'Dose options' });
    expect(group).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Dose option 2' }).value).toBe(
      'Twice a week, 15 minutes',
    );
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'Times per week, option 1' }).value,
    ).toBe('7');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Minutes, option 2' }).value).toBe(
      '15',
    );
  });

  it('edits an option’s label, times a week and minutes, and clears the minutes', async () => {
    const { user, value } = renderEditor();
    const label = screen.getByRole('textbox', { name: 'Dose option 1' });
    await user.clear(label);
    await user.type(label, 'Every morning');
    // Select what is there and type over it, as a person would.
    await user.tripleClick(screen.getByRole('textbox', { name: 'Times per week, option 1' }));
    await user.keyboard('5');
    await user.clear(screen.getByRole('textbox', { name: 'Minutes, option 1' }));
    expect(value()[0]).toEqual({
      label: 'Every morning',
      dose: { kind: 'per-week', timesPerWeek: 5 },
    });
    expect(value()[1]).toEqual(twoOptions[1]);
  });

  it('adds an option from the keyboard, puts the cursor in it, and stops at three', async () => {
    const { user, value } = renderEditor();
    screen.getByRole('button', { name: 'Add a dose option' }).focus();
    await user.keyboard('{Enter}');
    const added = screen.getByRole('textbox', { name: 'Dose option 3' });
    expect(document.activeElement).toBe(added);
    await user.keyboard('Weekends only');
    expect(value()[2]).toEqual({
      label: 'Weekends only',
      dose: { kind: 'per-week', timesPerWeek: 3 },
    });
    expect(screen.queryByRole('button', { name: 'Add a dose option' })).toBeNull();
  });

  it('removes an option and leaves the cursor on the add button', async () => {
    const { user, value } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Remove dose option 1' }));
    expect(value()).toEqual([twoOptions[1]]);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Dose option 1' }).value).toBe(
      'Twice a week, 15 minutes',
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a dose option' }));
  });
});
