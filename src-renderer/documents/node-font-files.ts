import type { DocumentFontFiles } from './fonts';

/**
 * The document fonts' files on disk, for rendering in Node (tests, the samples script), where
 * Vite's asset URLs mean nothing: pass to `useDocumentFontFiles`. Not used by the app.
 */
export function nodeDocumentFontFiles(): DocumentFontFiles {
  const path = (file: string) =>
    decodeURIComponent(
      new URL(`../../node_modules/@expo-google-fonts/noto-sans/${file}`, import.meta.url).pathname,
    );
  return {
    regular: path('400Regular/NotoSans_400Regular.ttf'),
    semibold: path('600SemiBold/NotoSans_600SemiBold.ttf'),
  };
}
