import { describe, expect, it } from 'vitest';
import { practiceDates } from './assignment-draft';

describe('new practice', () => {
  it('runs until the next session', () => {
    expect(practiceDates('2026-12-01', '2026-12-09')).toEqual({
      startsOn: '2026-12-01',
      reviewBy: '2026-12-09',
    });
  });

  it('runs for a week when no next session is booked, or the next one is the same day', () => {
    expect(practiceDates('2026-12-28', null).reviewBy).toBe('2027-01-04');
    expect(practiceDates('2026-12-01', '2026-12-01').reviewBy).toBe('2026-12-08');
  });
});
