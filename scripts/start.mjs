// `npm start`: builds and opens the app in Electron. Where the Electron binary is missing
// (it downloads during `npm install`, and some networks block that), says so plainly and
// points to `npm run preview`, the same app in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Looks for the binary the way the electron package does, without its fallback download.
function electronBinaryInstalled() {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  return (
    existsSync(pathFile) &&
    existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()))
  );
}

if (!electronBinaryInstalled()) {
  console.error(
    [
      'The Electron binary is not installed on this machine, so the desktop app cannot start.',
      'Try `npm install` again on a network that can download Electron, or run',
      '',
      '  npm run preview',
      '',
      'to open the same app in Chromium, with the same main-process code behind it.',
    ].join('\n'),
  );
  process.exit(1);
}

const result = spawnSync('npx', ['electron-vite', 'preview'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
