import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { judgePassphrase, type PassphraseStrength } from './passphrase-rules';

// About 0.5 MB of dictionaries: this module is loaded only when a new passphrase is typed
// (usePassphraseRater), never with the start screen.
zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Rates a passphrase; `userInputs` (such as the vault name) count as guessable words. */
export function ratePassphrase(passphrase: string, userInputs: string[] = []): PassphraseStrength {
  return judgePassphrase(passphrase, passphrase ? zxcvbn(passphrase, userInputs).score : 0);
}
