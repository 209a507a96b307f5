import { describe, expect, it } from 'vitest';
import type { PracticePlan } from './assignment';
import { isVagueWhat, planGapMessages, planGaps, planSentence } from './practice-plan';

const plan = (patch: Partial<PracticePlan> = {}): PracticePlan => ({
  what: 'walk round the block',
  time: '19:00',
  cue: 'dinner',
  where: 'the park',
  ...patch,
});

describe('what a plan is missing', () => {
  it('finds nothing missing in a plan that says what, when and where', () => {
    expect(planGaps(plan())).toEqual([]);
  });

  it('is content with a time alone or a cue alone for the when', () => {
    expect(planGaps(plan({ cue: '' }))).toEqual([]);
    expect(planGaps(plan({ time: null }))).toEqual([]);
  });

  it('asks for a time or a cue when there is neither', () => {
    expect(planGaps(plan({ time: null, cue: '  ' }))).toEqual([
      {
        field: 'when',
        message: 'Add when: a time, or what it comes right after, like “after I brush my teeth”.',
      },
    ]);
  });

  it('asks where it will happen', () => {
    expect(planGaps(plan({ where: '' }))).toEqual([
      { field: 'where', message: 'Add where it will happen.' },
    ]);
  });

  it('asks what will be done when the what is empty', () => {
    expect(planGaps(plan({ what: ' ' }))).toEqual([
      { field: 'what', message: planGapMessages.whatMissing },
    ]);
  });

  it('asks to make a vague what concrete', () => {
    expect(planGaps(plan({ what: 'exercise more' }))).toEqual([
      { field: 'what', message: 'Make the what concrete: what will you actually be doing?' },
    ]);
  });

  it('lists every gap of an empty plan in the order what, when, where', () => {
    expect(planGaps({ what: '', time: null, cue: '', where: '' }).map((gap) => gap.field)).toEqual([
      'what',
      'when',
      'where',
    ]);
  });
});

describe('a what too vague to picture', () => {
  it.each([
    'try',
    'more',
    'better',
    'relax',
    'exercise more',
    'be healthier',
    'try harder',
    'I will try to do better',
    'work on it',
    'eat healthier',
    'walk more',
    'sleep better',
    'be kinder to myself',
    'feel calmer',
    'exercise regularly',
    'walk',
    'Meditate.',
  ])('flags “%s”', (what) => {
    expect(isVagueWhat(what)).toBe(true);
  });

  it.each([
    'walk round the block',
    'write three lines in my notebook',
    'call my sister',
    'go for a walk',
    'meditate for five minutes',
    'do the dishes',
    'get up when the alarm goes',
    'be in bed by 11',
    'go to bed earlier',
    'eat more vegetables at lunch',
    'exercise for 20 minutes',
    'work on my CV for 20 minutes',
    'take the stairs',
    "I'll text a friend",
    'drink a glass of water',
    'phone the courier',
    'Notice three things I can hear',
  ])('leaves “%s” alone', (what) => {
    expect(isVagueWhat(what)).toBe(false);
  });
});

describe('the plan read back as one sentence', () => {
  it('reads like the client saying it', () => {
    expect(planSentence(plan({ cue: 'after dinner' }), [1, 3, 5])).toBe(
      'I will walk round the block on Monday, Wednesday and Friday at 19:00, after dinner, at the park.',
    );
  });

  it('turns a cue typed as what it follows into “after …”', () => {
    expect(planSentence(plan({ cue: 'I brush my teeth', time: null }), [])).toBe(
      'I will walk round the block, after I brush my teeth, at the park.',
    );
  });

  it('keeps a cue or a place that already says how it relates', () => {
    expect(
      planSentence(plan({ time: null, cue: 'before bed', where: 'in the kitchen' }), [2]),
    ).toBe('I will walk round the block on Tuesday, before bed, in the kitchen.');
    expect(planSentence(plan({ cue: 'when I get home', where: 'home' }), [])).toBe(
      'I will walk round the block at 19:00, when I get home, at home.',
    );
  });

  it('leaves out the parts not decided yet', () => {
    expect(planSentence(plan({ time: null, cue: '', where: '' }), [])).toBe(
      'I will walk round the block.',
    );
    expect(planSentence(plan({ cue: '', where: '' }), [6])).toBe(
      'I will walk round the block on Saturday at 19:00.',
    );
    expect(planSentence(plan({ what: '', cue: '', where: '' }), [1, 4])).toBe(
      'I will practise on Monday and Thursday at 19:00.',
    );
  });

  it('says nothing for a plan with nothing in it', () => {
    expect(planSentence({ what: '', time: null, cue: '', where: '' }, [])).toBe('');
  });

  it('names whole weeks, weekdays and weekends simply', () => {
    const bare = plan({ time: null, cue: '', where: '' });
    expect(planSentence(bare, [7, 6, 5, 4, 3, 2, 1])).toBe(
      'I will walk round the block every day.',
    );
    expect(planSentence(bare, [1, 2, 3, 4, 5])).toBe('I will walk round the block on weekdays.');
    expect(planSentence(bare, [7, 6])).toBe('I will walk round the block at the weekend.');
    expect(planSentence(bare, [5, 1, 1])).toBe('I will walk round the block on Monday and Friday.');
  });

  it('does not repeat an “I will” the client typed, or a full stop', () => {
    expect(planSentence(plan({ what: 'I will Call my sister.', time: null, where: '' }), [])).toBe(
      'I will call my sister, after dinner.',
    );
    expect(planSentence(plan({ what: "I'll update my CV", cue: '', time: null }), [])).toBe(
      'I will update my CV, at the park.',
    );
  });

  it('uses no clinical or school words', () => {
    const sentence = planSentence(plan({ what: '' }), [1, 2]);
    expect(sentence).not.toMatch(/homework|therap|session|assign|exercise|task/i);
  });
});
