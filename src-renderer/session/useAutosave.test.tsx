import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInOpenVault, settle } from '../../tests/support/open-vault';
import { AUTOSAVE_DELAY_MS, useAutosave } from './useAutosave';

const { lockVault } = await import('../data/vault-lifecycle');

/** A field that autosaves through `save`, with its status spelled out. */
function NoteField(props: {
  save: (text: string) => Promise<void>;
  refusal?: (text: string) => string | null;
}) {
  const note = useAutosave({ initial: 'First line', ...props });
  const { status } = note;
  return (
    <>
      <textarea
        aria-label="Note"
        value={note.value}
        onChange={(event) => note.change(event.currentTarget.value)}
        onBlur={() => void note.flush()}
      />
      <p role="status">{status.state === 'error' ? status.message : status.state}</p>
      <button>Elsewhere</button>
    </>
  );
}

const statusText = () => screen.getByRole('status').textContent;
const box = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });

async function renderField(props: Partial<Parameters<typeof NoteField>[0]> = {}) {
  const save = vi.fn(props.save ?? (() => Promise.resolve()));
  const rendered = await renderInOpenVault(<NoteField {...props} save={save} />, {
    fakeTimers: vi.isFakeTimers(),
  });
  return { ...rendered, save };
}

afterEach(() => {
  vi.clearAllMocks();
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('saves once, with the whole text, a pause after the last keystroke', async () => {
    vi.useFakeTimers();
    const { user, save } = await renderField();
    await user.type(box(), ' and more', { skipClick: false });
    expect(statusText()).toBe('unsaved');
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 10));
    expect(save).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(save).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledWith('First line and more');
    expect(statusText()).toBe('saved');
  });

  it('saves nothing when nothing changed', async () => {
    vi.useFakeTimers();
    const { user, save } = await renderField();
    await user.click(box());
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 10));
    expect(save).not.toHaveBeenCalled();
    expect(statusText()).toBe('saved');
  });

  it('saves at once when the clinician leaves the box, and when the field goes away', async () => {
    const { user, save, unmount } = await renderField();
    await user.type(box(), '!');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(save).toHaveBeenLastCalledWith('First line!');
    await user.type(box(), '?');
    unmount();
    await settle();
    expect(save).toHaveBeenLastCalledWith('First line!?');
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('writes one save at a time, and then the text typed meanwhile', async () => {
    const finishes: (() => void)[] = [];
    const { user, save } = await renderField({
      save: () => new Promise<void>((resolve) => finishes.push(resolve)),
    });
    await user.type(box(), ' A');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(statusText()).toBe('saving');
    await user.type(box(), 'B');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(save).toHaveBeenCalledOnce();
    finishes[0]?.();
    await settle();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('First line AB');
    finishes[1]?.();
    await settle();
    expect(statusText()).toBe('saved');
  });

  it('keeps a refused text in the box with the reason, and saves it once it is fixed', async () => {
    const { user, save } = await renderField({
      refusal: (text) => (text.includes('#') ? 'No hashes, please.' : null),
    });
    await user.type(box(), ' #');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(statusText()).toBe('No hashes, please.');
    expect(box().value).toBe('First line #');
    expect(save).not.toHaveBeenCalled();
    await user.type(box(), '{Backspace}1');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(save).toHaveBeenCalledWith('First line 1');
    expect(statusText()).toBe('saved');
  });

  it('says so when a write fails, and tries again after the next change', async () => {
    const { user, save } = await renderField({
      save: vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined),
    });
    await user.type(box(), '.');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(statusText()).toBe('This couldn’t be saved. Please try again.');
    await user.type(box(), '.');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await settle();
    expect(save).toHaveBeenLastCalledWith('First line..');
    expect(statusText()).toBe('saved');
  });

  it('is saved before the vault locks: locking waits for the typed text', async () => {
    const events: string[] = [];
    const { user, lock } = await renderField({
      save: async (text) => {
        events.push(`saving “${text}”`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('saved');
      },
    });
    vi.mocked(lockVault).mockImplementation(async () => {
      events.push('vault closed');
      return null;
    });
    await user.type(box(), ' typed just now');
    await lock();
    expect(events).toEqual(['saving “First line typed just now”', 'saved', 'vault closed']);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('tells the start screen when typed text could not be saved before locking', async () => {
    const { user, lock } = await renderField({ save: () => Promise.reject(new Error('gone')) });
    await user.type(box(), ' lost');
    await lock();
    expect(
      screen.getByText('Locked: Something you typed just before locking couldn’t be saved.'),
    ).toBeTruthy();
  });
});
