import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TrackerField } from '../../../src-shared/domain/template';
import { renderControlled } from '../../../tests/support/render';
import { TrackerFieldsEditor } from './TrackerFieldsEditor';

const fields: TrackerField[] = [{ label: 'Did it', kind: 'yes-no' }];

const renderEditor = (initial = fields) =>
  renderControlled(initial, (value, onChange) => (
    <TrackerFieldsEditor value={value} onChange={onChange} />
  ));

describe('TrackerFieldsEditor', () => {
  it('names each field’s label and kind', () => {
    renderEditor();
    expect(screen.getByRole('group', { name: 'Tracker fields' })).toBeTruthy();
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'Tracker field 1 label' }).value,
    ).toBe('Did it');
    expect(
      screen.getByRole<HTMLInputElement>('combobox', { name: 'Tracker field 1 kind' }).value,
    ).toBe('Yes / no');
  });

  it('adds a field, names it and picks its kind', async () => {
    const { user, value } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add a tracker field' }));
    await user.keyboard('Time of the urge');
    await user.click(screen.getByRole('combobox', { name: 'Tracker field 2 kind' }));
    await user.click(screen.getByRole('option', { name: 'Time of day' }));
    expect(value()).toEqual([...fields, { label: 'Time of the urge', kind: 'time-of-day' }]);
  });

  it('picks a kind with the keyboard', async () => {
    const { user, value } = renderEditor();
    await user.click(screen.getByRole('combobox', { name: 'Tracker field 1 kind' }));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(value()[0]?.kind).toBe('count');
  });

  it('removes a field and offers no more than six', async () => {
    const six = Array.from({ length: 6 }, (_, i): TrackerField => ({
      label: `Field ${i + 1}`,
      kind: 'count',
    }));
    const { user, value } = renderEditor(six);
    expect(screen.queryByRole('button', { name: 'Add a tracker field' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove tracker field 3' }));
    expect(value().map((field) => field.label)).toEqual([
      'Field 1',
      'Field 2',
      'Field 4',
      'Field 5',
      'Field 6',
    ]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Add a tracker field' }),
    );
  });
});
