import { Button } from '@mantine/core';
import { renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../tests/support/render';
import { useOneAtATime } from './useOneAtATime';

/** A save the test finishes when it chooses, counting how often it started. */
function slowSave() {
  const started: Array<() => void> = [];
  return {
    started,
    save: () => new Promise<void>((resolve) => started.push(resolve)),
  };
}

function SaveButton({ save }: { save: () => Promise<void> }) {
  const saving = useOneAtATime(save);
  return (
    <Button loading={saving.busy} onClick={() => void saving.run()}>
      Save goal
    </Button>
  );
}

describe('a button that saves', () => {
  it('saves once for a double click, and again for a press after the save ended', async () => {
    const { started, save } = slowSave();
    const { user } = renderWithMantine(<SaveButton save={save} />);
    const button = screen.getByRole('button', { name: 'Save goal' });
    await user.dblClick(button);
    expect(started).toHaveLength(1);
    expect(button.hasAttribute('disabled')).toBe(true);

    started[0]?.();
    await expect.poll(() => button.hasAttribute('disabled')).toBe(false);
    await user.click(button);
    expect(started).toHaveLength(2);
  });

  it('can be pressed again after a save that failed', async () => {
    let attempts = 0;
    const failing = () => {
      attempts += 1;
      return Promise.reject(new Error('disk full'));
    };
    function Failing() {
      const saving = useOneAtATime(failing);
      return <Button onClick={() => void saving.run().catch(() => undefined)}>Save goal</Button>;
    }
    const { user } = renderWithMantine(<Failing />);
    await user.click(screen.getByRole('button', { name: 'Save goal' }));
    await user.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(attempts).toBe(2);
  });

  it('ignores a second call made before React renders the first one', () => {
    const { started, save } = slowSave();
    const { result } = renderHook(() => useOneAtATime(save));
    void result.current.run();
    void result.current.run();
    expect(started).toHaveLength(1);
  });
});
