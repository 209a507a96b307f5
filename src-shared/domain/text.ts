import { z } from 'zod';
import { hiddenControlProblem, lineBreakProblem, normaliseLineEnds } from './text-rules';

/**
 * The zod building blocks for free text, on the rules of `text-rules.ts` (which has no zod, so
 * code that only checks or quotes text, like the start screen, doesn't load zod).
 */

export { quoteUserText, repairStoredText } from './text-rules';

/**
 * Free text that may run over several lines (notes, goals, a template's purpose): CR line ends
 * become LF and hidden control characters are refused. A `z.string()`: chain `.trim()`,
 * `.min()`, `.max()` as the field needs.
 */
export function plainText(): z.ZodString {
  return z
    .string()
    .overwrite(normaliseLineEnds)
    .superRefine((text, ctx) => {
      const problem = hiddenControlProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/**
 * One line of free text (names, titles, labels, list items edited one per line): as
 * `plainText()`, and line breaks are refused too.
 */
export function plainLine(): z.ZodString {
  return plainText().superRefine((text, ctx) => {
    const problem = lineBreakProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
