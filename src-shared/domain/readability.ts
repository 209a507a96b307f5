/**
 * Flesch–Kincaid grade level, to keep client-facing text plain (the library aims at grade 8 or
 * lower). Syllables are estimated from vowel groups, which is close enough for checking prose.
 */

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

/** The Flesch–Kincaid grade level of a text (higher is harder; 8 ≈ a 13–14-year-old reader). */
export function gradeLevel(text: string): number {
  const sentences = Math.max(
    1,
    text.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim().length > 0).length,
  );
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  if (words.length === 0) return 0;
  const syllableCount = words.reduce((sum, word) => sum + syllables(word), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllableCount / words.length) - 15.59;
}
