/** Shortest passphrase accepted for a new vault. */
export const MIN_PASSPHRASE_LENGTH = 12;
/** Weakest zxcvbn score accepted (0–4): 3 means "safely unguessable" offline with a slow hash. */
export const MIN_PASSPHRASE_SCORE = 3;

/** How strong a passphrase is, and whether it is strong enough for a vault. */
export type PassphraseStrength = {
  /** zxcvbn's score, 0 (very guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** A short, kind sentence for the clinician. */
  advice: string;
};

/**
 * Judges a passphrase by its length and its zxcvbn `score` (ignored for an empty passphrase).
 * Kept apart from zxcvbn and its dictionaries (passphrase-strength.ts), which load later.
 */
export function judgePassphrase(
  passphrase: string,
  score: PassphraseStrength['score'],
): PassphraseStrength {
  if (passphrase.length === 0) {
    return {
      score: 0,
      acceptable: false,
      advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`,
    };
  }
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return {
      score,
      acceptable: false,
      advice: `Please use at least ${MIN_PASSPHRASE_LENGTH} characters (${passphrase.length} so far).`,
    };
  }
  if (score < MIN_PASSPHRASE_SCORE) {
    return {
      score,
      acceptable: false,
      advice: 'This is easy to guess. Try adding another word or two that don’t belong together.',
    };
  }
  return {
    score,
    acceptable: true,
    advice:
      score === 4
        ? 'This would take a very long time to guess.'
        : 'Good enough to protect your vault.',
  };
}
