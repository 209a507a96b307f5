import { Font } from '@react-pdf/renderer';
import boldUrl from '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf?url';
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';

/**
 * The documents' typeface: Noto Sans (SIL Open Font License 1.1, from the npm package
 * `@expo-google-fonts/noto-sans`, the Google Fonts build: Latin, Latin Extended, Vietnamese,
 * Greek, Cyrillic and Devanagari), regular and semibold, embedded (subset) in every PDF. In the
 * app the files are Vite assets served from the app's own origin; in Node (tests, the samples
 * script) `useDocumentFontFiles` points at the files on disk (`nodeDocumentFontFiles`). Text in a
 * script it cannot draw is found before saving by `unsupportedCharacters` (font-coverage.ts).
 */

/** The family name every document's styles use. */
export const DOCUMENT_FONT = 'Bridgework Sans';

/** Where the two font files are: URLs in the app, file paths in Node. */
export type DocumentFontFiles = { regular: string; semibold: string };

let files: DocumentFontFiles = { regular: regularUrl, semibold: boldUrl };
let registered = false;

/**
 * Where to load the fonts from, for Node: Vite's asset URLs mean nothing there. Call before the
 * first document is made (later calls are refused: react-pdf keeps the first fonts it loads).
 */
export function useDocumentFontFiles(next: DocumentFontFiles): void {
  if (registered && (next.regular !== files.regular || next.semibold !== files.semibold)) {
    throw new Error('The document fonts are already in use; set their files before the first PDF.');
  }
  files = next;
}

/** Words longer than this are split where they must be, so a pasted link or code still wraps. */
const LONGEST_UNBROKEN = 24;

/**
 * Registers the fonts with react-pdf (once). Words are not hyphenated (a calm page has whole
 * words), but a word too long for a line is broken into pieces so it wraps instead of running
 * off the page.
 */
export function registerDocumentFonts(): void {
  if (registered) return;
  Font.register({
    family: DOCUMENT_FONT,
    fonts: [
      { src: files.regular, fontWeight: 400 },
      { src: files.semibold, fontWeight: 600 },
    ],
  });
  Font.registerHyphenationCallback((word) => {
    const letters = Array.from(word);
    if (letters.length <= LONGEST_UNBROKEN) return [word];
    const pieces: string[] = [];
    for (let at = 0; at < letters.length; at += LONGEST_UNBROKEN / 2) {
      pieces.push(letters.slice(at, at + LONGEST_UNBROKEN / 2).join(''));
    }
    return pieces;
  });
  registered = true;
}
