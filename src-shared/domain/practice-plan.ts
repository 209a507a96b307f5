import type { PracticePlan } from './assignment';

/**
 * The implementation intention — "I will [what] [when: a time and/or right after a cue] at
 * [where]" — checked for what would make it easier to follow, and read back as one sentence in
 * the client's voice. English wording; the checks are nudges for the conversation, never rules.
 */

/** Which part of the plan a gap is in: the what, the when (a time or a cue) or the where. */
export type PlanField = 'what' | 'when' | 'where';

/** Something the plan is missing, with a short, warm line naming it. */
export type PlanGap = { field: PlanField; message: string };

/** The lines shown for each gap, so screens and tests can refer to them. */
export const planGapMessages = {
  whatMissing: 'Add what you will do.',
  whatVague: 'Make the what concrete: what will you actually be doing?',
  when: 'Add when: a time, or what it comes right after, like “after I brush my teeth”.',
  where: 'Add where it will happen.',
} as const;

/** Words that carry no action of their own: set aside before judging the what. */
const FILLER = new Set([
  'i',
  'ill',
  'will',
  'to',
  'a',
  'an',
  'the',
  'my',
  'me',
  'myself',
  'it',
  'some',
  'bit',
  'little',
  'just',
  'really',
  'also',
]);

/**
 * Words of an aim rather than an action: a what made only of these ("try harder", "exercise
 * more", "be healthier", "work on it") says what to hope for, not what to do.
 */
const AIM_WORDS = new Set([
  'try',
  'more',
  'less',
  'better',
  'harder',
  'healthier',
  'healthy',
  'exercise',
  'relax',
  'improve',
  'work',
  'on',
  'be',
  'feel',
  'do',
  'get',
  'stay',
  'keep',
  'stuff',
  'things',
  'good',
  'well',
  'positive',
  'effort',
  'make',
]);

/**
 * Words that only say "more of it" or "in a better way": a what whose every word after the first
 * is one of these ("eat healthier", "walk more", "be kinder to myself", "feel calmer", "sleep
 * better") names a direction, not what will actually be done. A fixed list rather than a rule
 * like "ends in -er", which would also catch "water", "dinner" and "courier".
 */
const COMPARATIVES = new Set([
  'more',
  'less',
  'better',
  'worse',
  'harder',
  'healthier',
  'happier',
  'calmer',
  'kinder',
  'fitter',
  'stronger',
  'braver',
  'nicer',
  'often',
  'regularly',
  'consistently',
  'properly',
  'enough',
  'positive',
  'positively',
]);

/** The lower-case words of a text, apostrophes dropped ("I'll" → "ill"). */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => word.length > 0);
}

/**
 * Whether a what is too vague to picture, by three simple checks on its words once filler ("I",
 * "will", "to", "a", "the", "my", …) is set aside:
 * 1. fewer than two words are left ("relax", "try", "walk") — one word rarely says what, how
 *    much or how;
 * 2. every word left is an aim word ("try harder", "exercise more", "be healthier", "work on it");
 * 3. every word after the first only says "more" or "better" ("eat healthier", "walk more",
 *    "be kinder to myself").
 * Anything with a concrete object or amount passes ("walk round the block", "call my sister",
 * "write three lines in my notebook"). The lists are kept short on purpose: a false alarm on a
 * client's own good words costs more than a vague plan the therapist can still ask about.
 */
export function isVagueWhat(what: string): boolean {
  const content = words(what).filter((word) => !FILLER.has(word));
  if (content.length < 2) return true;
  if (content.every((word) => AIM_WORDS.has(word))) return true;
  return content.slice(1).every((word) => COMPARATIVES.has(word));
}

/**
 * What the plan is missing, in the order what, when, where (empty when nothing is): a what that
 * is empty or too vague to picture (`isVagueWhat`), no time and no cue, or no place. Each comes
 * with a short, warm line to show beside the plan (`planGapMessages`).
 */
export function planGaps(plan: PracticePlan): PlanGap[] {
  const gaps: PlanGap[] = [];
  const what = plan.what.trim();
  if (what === '') gaps.push({ field: 'what', message: planGapMessages.whatMissing });
  else if (isVagueWhat(what)) gaps.push({ field: 'what', message: planGapMessages.whatVague });
  if (plan.time === null && plan.cue.trim() === '') {
    gaps.push({ field: 'when', message: planGapMessages.when });
  }
  if (plan.where.trim() === '') gaps.push({ field: 'where', message: planGapMessages.where });
  return gaps;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Words a cue can start with that already say how it relates to the practice. */
const CUE_OPENERS =
  /^(after|afterwards|before|when|whenever|once|as|while|during|straight|right|first|just|on|at|in|by|until|every|each|between|with)\b/i;

/** Words a place can start with that already say where ("in the kitchen", "on the bus"). */
const PLACE_OPENERS =
  /^(at|in|on|by|near|from|outside|inside|outdoors|indoors|around|round|under|beside|next|along|through|up|down|upstairs|downstairs|somewhere|anywhere|wherever)\b/i;

/** Text as it reads mid-sentence: trimmed, trailing full stops and commas dropped. */
function clause(text: string): string {
  return text.trim().replace(/[\s.,;:!]+$/u, '');
}

/** The what without an "I will" the client may have typed, first letter lower-cased (not "CV"). */
function actionOf(what: string): string {
  const action = clause(what).replace(/^(i\s+will|i['’]ll|i\s+am\s+going\s+to|will)\s+/i, '');
  const [first = ''] = action.split(/\s/, 1);
  const isAcronym = first.length > 1 && first === first.toUpperCase();
  return isAcronym || first === 'I' ? action : action.charAt(0).toLowerCase() + action.slice(1);
}

/** "Monday", "Monday and Friday", "Monday, Wednesday and Friday", "every day", "on weekdays". */
function daysPhrase(days: readonly number[]): string {
  const chosen = [...new Set(days)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  if (chosen.length === 0) return '';
  if (chosen.length === 7) return 'every day';
  if (chosen.join() === '1,2,3,4,5') return 'on weekdays';
  if (chosen.join() === '6,7') return 'at the weekend';
  const names = chosen.map((day) => DAY_NAMES[day - 1] ?? '');
  const last = names.pop() ?? '';
  return `on ${names.length > 0 ? `${names.join(', ')} and ${last}` : last}`;
}

/**
 * The plan as one sentence in the client's voice, e.g. "I will walk round the block on Monday,
 * Wednesday and Friday at 19:00, after dinner, at the park." Missing parts are simply left out
 * (an empty what reads "practise"); an empty string when the plan says nothing at all. A cue
 * typed as what it follows ("I brush my teeth") reads "after I brush my teeth"; a place gets
 * "at" unless it says its own ("in the kitchen"). No clinical words: only the client's own
 * words, day names and the time as typed.
 */
export function planSentence(plan: PracticePlan, days: readonly number[]): string {
  const action = actionOf(plan.what);
  const when = [daysPhrase(days), plan.time === null ? '' : `at ${plan.time}`];
  const cue = clause(plan.cue);
  const where = clause(plan.where);
  if (action === '' && cue === '' && where === '' && when.every((part) => part === '')) return '';
  const main = ['I will', action === '' ? 'practise' : action, ...when]
    .filter((part) => part !== '')
    .join(' ');
  const cuePart = cue === '' || CUE_OPENERS.test(cue) ? cue : `after ${cue}`;
  const wherePart = where === '' || PLACE_OPENERS.test(where) ? where : `at ${where}`;
  return `${[main, cuePart, wherePart].filter((part) => part !== '').join(', ')}.`;
}
