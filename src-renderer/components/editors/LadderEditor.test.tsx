import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LadderStep } from '../../../src-shared/domain/template';
import { renderControlled } from '../../../tests/support/render';
import { LadderEditor } from './LadderEditor';

const ladder: LadderStep[] = [
  { step: 'Stand at the bus stop', difficulty: 2 },
  { step: 'Ride one stop', difficulty: 5 },
  { step: 'Ride to town' },
];

const renderEditor = (initial = ladder) =>
  renderControlled(initial, (value, onChange) => (
    <LadderEditor value={value} onChange={onChange} />
  ));

const steps = (value: LadderStep[]) => value.map((rung) => rung.step);

describe('LadderEditor', () => {
  it('shows each step with its difficulty, labelled', () => {
    renderEditor();
    expect(screen.getByRole('group', { name: 'Steps up (a ladder, easiest first)' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Ladder step 2' }).value).toBe(
      'Ride one stop',
    );
    expect(
      screen.getByRole<HTMLInputElement>('textbox', {
        name: 'Difficulty of step 2, 0 to 10 (optional)',
      }).value,
    ).toBe('5');
  });

  it('keeps a step’s difficulty when its words change, and drops it when cleared', async () => {
    const { user, value } = renderEditor();
    await user.type(screen.getByRole('textbox', { name: 'Ladder step 1' }), ' for a minute');
    expect(value()[0]).toEqual({ step: 'Stand at the bus stop for a minute', difficulty: 2 });
    await user.clear(
      screen.getByRole('textbox', { name: 'Difficulty of step 1, 0 to 10 (optional)' }),
    );
    expect(value()[0]).toEqual({ step: 'Stand at the bus stop for a minute' });
  });

  it('moves steps up and down, keeping the cursor on the moved step', async () => {
    const { user, value } = renderEditor();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Move ladder step 1 up' }).disabled,
    ).toBe(true);
    screen.getByRole('button', { name: 'Move ladder step 3 up' }).focus();
    await user.keyboard('{Enter}');
    expect(steps(value())).toEqual(['Stand at the bus stop', 'Ride to town', 'Ride one stop']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move ladder step 2 up' }),
    );
    await user.keyboard('{Enter}');
    expect(steps(value())).toEqual(['Ride to town', 'Stand at the bus stop', 'Ride one stop']);
    // At the top the up button can't be used; the cursor lands on the step's down button.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move ladder step 1 down' }),
    );
    await user.keyboard('{Enter}');
    expect(steps(value())).toEqual(['Stand at the bus stop', 'Ride to town', 'Ride one stop']);
  });

  it('starts an empty ladder and removes steps', async () => {
    const { user, value } = renderEditor([]);
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await user.keyboard('Look at a photo of a bus');
    expect(value()).toEqual([{ step: 'Look at a photo of a bus' }]);
    await user.click(screen.getByRole('button', { name: 'Remove ladder step 1' }));
    expect(value()).toEqual([]);
  });
});
