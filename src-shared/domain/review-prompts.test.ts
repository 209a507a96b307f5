import { describe, expect, it } from 'vitest';
import { reviewOutcomes } from './review';
import {
  promptsFor,
  reviewPrompts,
  reviewSituationLabels,
  reviewSituations,
} from './review-prompts';

const allPrompts = reviewSituations.flatMap((situation) => reviewPrompts[situation]);

/** Words that check up on the client, count against them or call the week a failure. */
const forbidden = [
  "why didn't you",
  'did you do',
  'you said you would',
  'homework',
  'fail',
  'missed',
  'should have',
  'compliance',
  '%',
  'only ',
];

describe('the review prompt bank', () => {
  it('holds at least 24 prompts, at least 4 for each situation', () => {
    expect(allPrompts.length).toBeGreaterThanOrEqual(24);
    for (const situation of reviewSituations) {
      expect(reviewPrompts[situation].length, situation).toBeGreaterThanOrEqual(4);
    }
  });

  it('has a situation for every outcome a review records, and a label for every situation', () => {
    expect(reviewSituations).toEqual(expect.arrayContaining([...reviewOutcomes]));
    for (const situation of reviewSituations) {
      expect(reviewSituationLabels[situation].trim(), situation).not.toBe('');
    }
  });

  it('asks questions: every prompt starts with a capital letter and ends with a question mark', () => {
    for (const prompt of allPrompts) {
      expect(prompt, prompt).toMatch(/^[A-Z].*\?$/);
    }
  });

  it('asks each question once', () => {
    expect(new Set(allPrompts.map((prompt) => prompt.toLowerCase())).size).toBe(allPrompts.length);
  });

  it('keeps every prompt short enough to read aloud at a glance', () => {
    for (const prompt of allPrompts) {
      expect(prompt.length, prompt).toBeLessThanOrEqual(140);
    }
  });

  it('never checks up, counts or speaks of failure', () => {
    for (const prompt of allPrompts) {
      for (const phrase of forbidden) {
        expect(prompt.toLowerCase(), prompt).not.toContain(phrase);
      }
    }
  });
});

describe('the prompts for a situation', () => {
  it("are that situation's prompts", () => {
    for (const situation of reviewSituations) {
      expect(promptsFor(situation)).toEqual(reviewPrompts[situation]);
    }
  });

  it('are the opening questions while no outcome is recorded', () => {
    expect(promptsFor(null)).toEqual(reviewPrompts.any);
  });
});
