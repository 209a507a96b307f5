import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../tests/support/render';
import { LoadingMark } from './LoadingMark';

describe('the mark shown while something loads', () => {
  it('is a status a screen reader names by what is loading', () => {
    renderWithMantine(<LoadingMark label="Loading clients" />);
    expect(screen.getByRole('status', { name: 'Loading clients' })).toBeTruthy();
  });
});
