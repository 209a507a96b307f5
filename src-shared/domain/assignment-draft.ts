import { type Assignment, assignmentSchema } from './assignment';
import { stepDown, stepUp, suggestedFirstStep } from './ladder';
import type { NewVersionDecision } from './review';
import type { TemplateContent, TemplateRef } from './template';

/** Where a new assignment belongs and when it runs. */
export type AssignmentPlacement = {
  id: string;
  clientId: string;
  /** The session it is being set in, if any. */
  sessionId: string | null;
  startsOn: string;
  reviewBy: string;
  /** Now, as an ISO date-time. */
  at: string;
};

const blank = {
  clinicalTitle: '',
  discreetTitle: '',
  purpose: '',
  whyItMatters: '',
  whatFeelsDoable: '',
  goals: [],
  noGoalBecause: '',
  steps: [],
  doseOptions: [],
  dose: null,
  minimum: { label: '', dose: null },
  days: [],
  plan: { what: '', time: null, cue: '', where: '' },
  ladder: [],
  ladderStep: null,
  trackerFields: [],
  barriers: [],
  backupPlan: '',
  confidenceBefore: null,
  confidenceAfter: null,
  importance: null,
  materials: '',
  reminderPlace: '',
  cautions: [],
  cautionsAcknowledgedAt: null,
  discreetWording: null,
  replaces: null,
  builderStep: 0,
  revision: 0,
} satisfies Partial<Assignment>;

/** A draft assignment from scratch: only its title, everything else left to fill in together. */
export function draftFromScratch(placement: AssignmentPlacement, title: string): Assignment {
  const { at, ...where } = placement;
  return assignmentSchema.parse({
    ...blank,
    ...where,
    template: null,
    title,
    discreetTitle: title,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * A draft assignment from a template, with its own copy of everything client-facing the
 * template offers (so it still opens if the template is changed or archived), its cautions for
 * the therapist to acknowledge, every tracker column chosen until the client says otherwise, and
 * the ladder's suggested first step (where success is likely) until they choose together.
 * Nothing is filled in for the client: why it matters, what feels doable and the plan are theirs
 * to say.
 */
export function draftFromTemplate(
  placement: AssignmentPlacement,
  ref: TemplateRef,
  template: TemplateContent,
): Assignment {
  const { at, ...where } = placement;
  return assignmentSchema.parse({
    ...blank,
    ...where,
    template: ref,
    clinicalTitle: template.title,
    title: template.clientTitle,
    discreetTitle: template.discreetTitle,
    purpose: template.purpose,
    steps: template.steps,
    doseOptions: template.doseOptions,
    minimum: template.minimumDose,
    ladder: template.ladder,
    ladderStep: suggestedFirstStep(template.ladder),
    trackerFields: template.trackerFields,
    cautions: template.cautions,
    discreetWording: template.discreetWording ?? null,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  });
}

/** ISO date `days` after `date` (both "YYYY-MM-DD"). */
function datePlus(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * When new practice runs: from the day it is set (today, or the session's day if that is later)
 * until the next session, or for a week when none is booked yet. Local calendar dates.
 */
export function practiceDates(
  setOn: string,
  nextSessionOn: string | null,
): { startsOn: string; reviewBy: string } {
  const reviewBy = nextSessionOn && nextSessionOn > setOn ? nextSessionOn : datePlus(setOn, 7);
  return { startsOn: setOn, reviewBy };
}

/**
 * A draft that carries an assignment on as a new, linked version after a review: everything the
 * client said and planned is kept to adjust together (the builder opens at "Start small"), it
 * links to the version it replaces with the reason, and confidence is asked afresh because the
 * plan is changing. Stepping up or making it smaller moves one step on the ladder when there is
 * one to move to; the old version stays as it is until the new one is agreed.
 */
export function nextVersionOf(
  previous: Assignment,
  placement: AssignmentPlacement,
  decision: NewVersionDecision,
  reason: string,
): Assignment {
  const { at, ...where } = placement;
  const ladderStep =
    decision === 'step-up'
      ? (stepUp(previous.ladder, previous.ladderStep) ?? previous.ladderStep)
      : decision === 'make-smaller'
        ? (stepDown(previous.ladder, previous.ladderStep) ?? previous.ladderStep)
        : previous.ladderStep;
  return assignmentSchema.parse({
    ...previous,
    ...where,
    ladderStep,
    confidenceBefore: null,
    confidenceAfter: null,
    status: 'draft',
    replaces: { assignmentId: previous.id, reason: reason.trim().slice(0, 500) },
    builderStep: 1,
    revision: 0,
    createdAt: at,
    updatedAt: at,
  });
}
