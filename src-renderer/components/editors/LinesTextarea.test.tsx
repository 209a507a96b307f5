import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderControlled } from '../../../tests/support/render';
import { LinesTextarea } from './LinesTextarea';

describe('LinesTextarea', () => {
  it('reports the trimmed, non-empty lines and keeps the text as typed', async () => {
    const { user, value } = renderControlled<string[]>(['Step outside'], (lines, onChange) => (
      <LinesTextarea label="Steps" description="One per line." value={lines} onChange={onChange} />
    ));
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Steps' });
    expect(box.value).toBe('Step outside');
    await user.type(box, '{Enter}{Enter}  Walk a little  ');
    expect(value()).toEqual(['Step outside', 'Walk a little']);
    expect(box.value).toBe('Step outside\n\n  Walk a little  ');
  });

  it('shows a value that changes from outside', () => {
    let replace: (lines: string[]) => void = () => undefined;
    renderControlled<string[]>(['One'], (lines, onChange) => {
      replace = onChange;
      return (
        <LinesTextarea
          label="Steps"
          description="One per line."
          value={lines}
          onChange={onChange}
        />
      );
    });
    act(() => replace(['First', 'Second']));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Steps' }).value).toBe(
      'First\nSecond',
    );
  });
});
