import { describe, expect, it } from 'vitest';
import { gradeLevel } from './readability';

describe('reading level', () => {
  it('rates short everyday sentences as easy', () => {
    expect(
      gradeLevel('Go for a walk after lunch. Notice how you feel. Write it down.'),
    ).toBeLessThan(4);
  });

  it('rates dense clinical prose as hard', () => {
    expect(
      gradeLevel(
        'Behavioural activation operationalises reinforcement contingencies, systematically increasing engagement with environmentally reinforcing activities to ameliorate depressive symptomatology.',
      ),
    ).toBeGreaterThan(16);
  });
});
