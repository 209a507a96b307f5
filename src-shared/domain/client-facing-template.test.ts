import { describe, expect, it } from 'vitest';
import { clinicalWordIn } from './client-facing-template';

describe('finding words that reveal therapy', () => {
  it.each([
    ['Tell your therapist how it went', 'therapist'],
    ['Bring it to the next session.', 'session'],
    ['Sessions help', 'Sessions'],
    ['Your HOMEWORK this week', 'HOMEWORK'],
    ['A skill from DBT', 'DBT'],
    ['We practised ACT skills', 'ACT'],
    ['Keep up the exposure', 'exposure'],
    ['a mental  health day', 'mental  health'],
  ])('finds one in %j', (text, word) => {
    expect(clinicalWordIn(text)).toBe(word);
  });

  it.each([
    'Act on what matters to you.',
    'We act kindly.',
    'Take possession of your time.',
    'Plan a walk after breakfast.',
    'Treat yourself kindly.',
  ])('finds none in %j', (text) => {
    expect(clinicalWordIn(text)).toBeNull();
  });
});
