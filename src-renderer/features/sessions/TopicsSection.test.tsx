import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInOpenVault, settle } from '../../../tests/support/open-vault';
import { TopicsSection } from './TopicsSection';

afterEach(() => vi.clearAllMocks());

async function renderTopics(initial: string[]) {
  const save = vi.fn((_topics: string[]) => Promise.resolve());
  const rendered = await renderInOpenVault(<TopicsSection initial={initial} save={save} />);
  const order = () =>
    within(screen.getByRole('list', { name: 'Topics' }))
      .getAllByRole('textbox')
      .map((box) => (box as HTMLInputElement).value);
  return { ...rendered, save, order };
}

describe('TopicsSection', () => {
  it('moves a topic with the keyboard alone, keeps focus on it and saves the new order', async () => {
    const { user, save, order } = await renderTopics(['Sleep', 'Work stress', 'Visit home']);
    const moveUp = screen.getByRole('button', { name: 'Move “Visit home” up' });
    moveUp.focus();
    await user.keyboard('{Enter}');
    await settle();
    expect(order()).toEqual(['Sleep', 'Visit home', 'Work stress']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move “Visit home” up' }),
    );
    await user.keyboard(' ');
    await settle();
    expect(order()).toEqual(['Visit home', 'Sleep', 'Work stress']);
    // At the top, "up" is disabled: focus stays with the topic, on its "down" button.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move “Visit home” down' }),
    );
    expect(save).toHaveBeenLastCalledWith(['Visit home', 'Sleep', 'Work stress']);
    expect(screen.getByText('Moved “Visit home” to position 1 of 3.')).toBeTruthy();
  });

  it('adds a topic once for a double click, without asking for a topic it has just added', async () => {
    const { user, order } = await renderTopics([]);
    await user.type(screen.getByRole('textbox', { name: 'New topic' }), 'Sleep');
    await user.dblClick(screen.getByRole('button', { name: 'Add topic' }));
    await settle();
    expect(order()).toEqual(['Sleep']);
    expect(screen.queryByText('Write the topic first, then add it.')).toBeNull();
    // Nothing typed since the add: another press stays quiet. After typing, an empty add says why.
    await user.click(screen.getByRole('button', { name: 'Add topic' }));
    expect(screen.queryByText('Write the topic first, then add it.')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'New topic' }), 'x{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Add topic' }));
    expect(screen.getByText('Write the topic first, then add it.')).toBeTruthy();
  });

  it('adds a topic with Enter and refuses an empty one, saying why', async () => {
    const { user, save, order } = await renderTopics([]);
    await user.type(screen.getByRole('textbox', { name: 'New topic' }), '   {Enter}');
    expect(screen.getByText('Write the topic first, then add it.')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: 'New topic' }), 'Sunday football{Enter}');
    await settle();
    expect(order()).toEqual(['Sunday football']);
    expect(save).toHaveBeenLastCalledWith(['Sunday football']);
  });

  it('keeps a topic over the limit on screen, unsaved, with the reason', async () => {
    const { user, save } = await renderTopics(['Sleep']);
    const topic = screen.getByRole('textbox', { name: 'Topic 1' });
    await user.click(topic);
    await user.paste('x'.repeat(300));
    await user.tab();
    await settle();
    expect((topic as HTMLInputElement).value).toHaveLength(305);
    expect(screen.getAllByText(/5 characters over the limit of 300/).length).toBeGreaterThan(0);
    expect(save).not.toHaveBeenCalled();
  });
});
