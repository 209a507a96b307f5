// `node --import ./scripts/asset-urls.mjs`: lets Node import Vite's `?url` assets (see
// asset-url-hooks.mjs), for the scripts that run the renderer's document code.
import { register } from 'node:module';

register('./asset-url-hooks.mjs', import.meta.url);
