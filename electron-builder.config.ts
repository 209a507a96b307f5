import type { Configuration } from 'electron-builder';
import { afterPack } from './scripts/after-pack';

/**
 * Where Linux packages say they come from. Debian packages must name a maintainer and a
 * homepage; Bridgework has neither yet, so both sit under the reserved `.invalid` domain and
 * must be set to the publisher's own before a public release (README, "Installers").
 */
const publisher = {
  name: 'Bridgework',
  email: 'packages@bridgework.invalid',
  homepage: 'https://bridgework.invalid/',
};

/**
 * The packages the main process loads from node_modules at run time: electron-vite leaves a
 * main bundle's dependencies out of it, while the renderer's are bundled into `out/renderer`.
 * Only these are packed; `tests/build/packaging.test.ts` checks the built main imports no other.
 */
export const mainProcessModules = ['zod'];

/**
 * How `npm run dist` packs Bridgework: the built app only (`out/`, never sources, tests or
 * source maps), in an ASAR archive, with the Electron fuses of `scripts/after-pack.ts` flipped
 * before anything is signed. No `publish` and no auto-update: the app never talks to a server.
 */
const config = {
  appId: 'org.bridgework.app',
  productName: 'Bridgework',
  copyright: 'Copyright © Bridgework',
  directories: { output: 'dist', buildResources: 'resources/icons' },
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    // electron-builder adds every production dependency from node_modules; the renderer's are
    // already bundled, so only the main process's own are kept. These exclusions apply to the
    // dependencies' files too.
    `!node_modules/!(${mainProcessModules.join('|')})/**`,
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/.env*',
    '!**/*.{pem,key,p12,pfx}',
  ],
  asar: true,
  // Bridgework has no native modules, so nothing needs rebuilding for Electron's Node.
  npmRebuild: false,
  publish: null,
  extraMetadata: { homepage: publisher.homepage },
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons/png',
    category: 'Office',
    executableName: 'bridgework',
    maintainer: `${publisher.name} <${publisher.email}>`,
    synopsis: 'Offline, encrypted homework planning for psychotherapists',
  },
  mac: {
    target: ['dmg'],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.medical',
    hardenedRuntime: true,
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icons/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
} satisfies Configuration;

export default config;
