import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { draftFromScratch } from '../../../src-shared/domain/assignment-draft';
import { renderControlled } from '../../../tests/support/render';
import { CommitStep } from './CommitStep';

// The take-away buttons read the open vault; they have their own tests (integration and e2e).
vi.mock('../../components/TakeAwayButtons', () => ({ TakeAwayButtons: () => null }));

const draft: Assignment = {
  ...draftFromScratch(
    {
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      clientId: 'BBBBBBBBBBBBBBBBBBBBBB',
      sessionId: null,
      startsOn: '2026-12-01',
      reviewBy: '2026-12-08',
      at: '2026-12-01T09:00:00.000Z',
    },
    'Evening walk',
  ),
  dose: {
    label: 'Every day, 20 minutes',
    dose: { kind: 'per-week', timesPerWeek: 7, minutes: 20 },
  },
  minimum: {
    label: 'Shoes on, two minutes',
    dose: { kind: 'per-week', timesPerWeek: 1, minutes: 2 },
  },
};

const renderStep = (initial: Assignment, onMakeSmaller = () => undefined) =>
  renderControlled(initial, (assignment, onChange) => (
    <CommitStep
      assignment={assignment}
      update={(patch) => onChange({ ...assignment, ...patch })}
      readBack={{ title: 'Evening walk', sections: [] }}
      onMakeSmaller={onMakeSmaller}
    />
  ));

const rate = (question: RegExp, value: number) =>
  screen.getByRole('radiogroup', { name: question }).querySelectorAll('input')[value];

describe('committing to practice', () => {
  it('asks what would make it an 8 only when the client feels less sure than 7', async () => {
    const { user } = renderStep(draft);
    await user.click(rate(/How sure do you feel/, 7) as HTMLElement);
    expect(screen.queryByText('What would make it an 8?')).toBeNull();
    await user.click(rate(/How sure do you feel/, 5) as HTMLElement);
    expect(screen.getByText('What would make it an 8?')).toBeTruthy();
  });

  it('offers the smallest version, and changes nothing until it is chosen', async () => {
    const { user, value } = renderStep({ ...draft, confidenceBefore: 4 });
    expect(value().dose?.label).toBe('Every day, 20 minutes');
    await user.click(screen.getByRole('button', { name: 'Start with the smallest version' }));
    expect(value().dose).toEqual({ label: 'Shoes on, two minutes', dose: draft.minimum.dose });
  });

  it('records how sure the client feels after a change, separately from the first answer', async () => {
    const { user, value } = renderStep({ ...draft, confidenceBefore: 4 });
    await user.click(rate(/And now, how sure/, 8) as HTMLElement);
    expect(value()).toMatchObject({ confidenceBefore: 4, confidenceAfter: 8 });
  });
});
