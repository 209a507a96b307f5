import { reviewOutcomes } from './review';

/**
 * Questions a therapist can ask aloud to open the review of one piece of practice. They are
 * written for a client who may feel ashamed of how the week went: curious about what happened,
 * treating what got in the way as useful information, and making the practice smaller as good
 * design. Never a yes/no check, a count of days or a reason demanded.
 */

/**
 * The situations a review can be in: before anyone knows how the week went, each outcome the
 * review records, and a week the plan didn't fit (whatever the outcome).
 */
export const reviewSituations = ['any', ...reviewOutcomes, 'plan-did-not-fit'] as const;

/** A review's situation. */
export type ReviewSituation = (typeof reviewSituations)[number];

/** How each situation reads where the therapist picks one, in the therapist's words. */
export const reviewSituationLabels: Record<ReviewSituation, string> = {
  any: 'Opening questions',
  'did-it': 'They did it',
  'some-of-it': 'They did some of it',
  'something-different': 'They tried something different',
  'not-this-time': "It didn't happen this time",
  'plan-did-not-fit': "The plan didn't fit the week",
};

/** The prompt bank. Every prompt is a question, ending in "?", so it invites an answer. */
export const reviewPrompts: Record<ReviewSituation, readonly string[]> = {
  any: [
    'How did this week go with the practice?',
    'What happened when the moment came to give it a go?',
    'When did it cross your mind this week, and what happened then?',
    'What did you notice, either trying it or thinking about it?',
    'Where would you like to start: what went well, or what got tricky?',
    'Looking back over the week, what stands out about it?',
  ],
  'did-it': [
    'What helped you make room for it this week?',
    'What did you notice while you were doing it, or just after?',
    'Was any of it easier or harder than you expected?',
    'What would you like to remember about how you made it happen?',
    'Does it still feel the right size, or ready to grow a little?',
  ],
  'some-of-it': [
    'Which parts happened, and what made those moments work?',
    "What was different between the times it happened and the times it didn't?",
    'That tells us something useful: what got in the way on the other days?',
    'Was the part that happened the part that matters most to you?',
    'If we kept just the part that worked, what would that look like?',
  ],
  'something-different': [
    'What did you end up trying instead?',
    'What drew you toward doing it your own way?',
    'How did your version go, and what did you notice?',
    'Is there something in your version we could build into the next plan?',
    'Did something about the original plan feel off, and what would have fitted better?',
  ],
  'not-this-time': [
    'It helps us to know: what got in the way this week?',
    'When you thought about starting, what went through your mind?',
    'Was there a moment when it nearly happened? What was going on then?',
    'If we went back to one evening this week, what would have made starting a little easier?',
    'Did it feel like the right thing to be working on, or did something about it not sit right?',
    'What is the smallest piece of it that would feel doable before we next meet?',
  ],
  'plan-did-not-fit': [
    "What happened this week that the plan didn't allow for?",
    'Which part was hardest to fit in: the time, the place or the amount?',
    'What kind of week is coming up, and what size of practice would suit it?',
    'Would a different time, or a different cue, suit your days better?',
    'What would a version small enough for a hard week look like?',
    'What is worth keeping from the plan, and what could we let go of?',
  ],
};

/**
 * The prompts for a situation; with no outcome recorded yet (null), the opening questions. An
 * outcome's prompts are not followed by the opening ones: by the time an outcome is recorded
 * the client has already told how the week went, and asking again would have them tell it twice.
 */
export function promptsFor(situation: ReviewSituation | null): readonly string[] {
  return reviewPrompts[situation ?? 'any'];
}
