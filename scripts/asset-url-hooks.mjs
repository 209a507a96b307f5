// Module hooks for running the renderer's document code in Node (`npm run samples`): an import
// of `file?url` (Vite's asset URL, used for the document fonts) becomes the file's path on disk,
// which is what react-pdf's Font.register reads in Node. Registered by scripts/asset-urls.mjs.
import { fileURLToPath } from 'node:url';

const SUFFIX = '?url';

export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith(SUFFIX)) return nextResolve(specifier, context);
  const resolved = await nextResolve(specifier.slice(0, -SUFFIX.length), context);
  return { url: `${resolved.url}${SUFFIX}`, format: 'module', shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith(SUFFIX)) return nextLoad(url, context);
  const path = fileURLToPath(url.slice(0, -SUFFIX.length));
  return {
    format: 'module',
    source: `export default ${JSON.stringify(path)};`,
    shortCircuit: true,
  };
}
