import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { Arch, type AfterPackContext } from 'electron-builder';
import { existsSync, readFileSync, readdirSync, type Stats } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import config, { mainProcessModules } from '../../electron-builder.config';
import { afterPack, fuseConfigFor, packagedFuses } from '../../scripts/after-pack';

/**
 * The packaging settings of `npm run dist`, checked without building an installer (that needs
 * Electron's binary download): the fuses every packaged app gets, the installers per OS, the
 * icons, and which files go into app.asar — decided by electron-builder's own file matcher.
 */
const projectDir = resolve('.');

/** A stand-in for a file on disk; electron-builder's filters only ask whether it is a folder. */
const aFile = { isDirectory: () => false } as Stats;

/** Whether electron-builder would pack this project file (a path relative to the project). */
function packsAppFile(path: string): boolean {
  const filter = new FileMatcher(
    projectDir,
    projectDir,
    (pattern) => pattern,
    config.files,
  ).createFilter();
  return filter(join(projectDir, path), aFile);
}

/**
 * Whether electron-builder would pack this file of a production dependency. For node_modules it
 * keeps only the exclusions of `files`, after a catch-all (app-builder-lib's
 * getNodeModuleFileMatcher).
 */
function packsDependencyFile(path: string): boolean {
  const exclusions = config.files.filter((pattern) => pattern.startsWith('!'));
  const filter = new FileMatcher(projectDir, projectDir, (pattern) => pattern, [
    '**/*',
    ...exclusions,
  ]).createFilter();
  return filter(join(projectDir, path), aFile);
}

function projectFiles(dir: string): string[] {
  const skipped = new Set(['node_modules', '.git', 'dist', 'test-results', 'playwright-report']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? projectFiles(path) : [relative(projectDir, path)];
  });
}

/** The byte that Electron's fuse wire holds for a fuse turned off ('0') or on ('1'). */
const wireState = (on: boolean): number => (on ? 0x31 : 0x30);

/** Electron's own sentinel, then fuse wire version 1 and nine fuses as Electron 45 ships them. */
async function fakeElectronBinary(dir: string): Promise<string> {
  const path = join(dir, 'bridgework');
  const shipped = '101100011';
  await writeFile(
    path,
    Buffer.concat([
      Buffer.from('\x7fELF… the rest of the binary …'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, shipped.length]),
      Buffer.from(shipped),
      Buffer.from('… more binary'),
    ]),
  );
  return path;
}

describe('the fuses of a packaged Bridgework', () => {
  it('turn off running as Node, NODE_OPTIONS and inspect arguments, and turn on cookie encryption, ASAR integrity and loading only from the ASAR', () => {
    expect(packagedFuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(packagedFuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(packagedFuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(packagedFuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(packagedFuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(packagedFuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(packagedFuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('are flipped into the binary that electron-builder packed, before it is signed', async () => {
    expect(config.afterPack).toBe(afterPack);
    const addElectronFuses = vi.fn(async () => 1);
    const context = {
      electronPlatformName: 'linux',
      arch: Arch.x64,
      packager: { addElectronFuses },
    } as unknown as AfterPackContext;
    await afterPack(context);
    expect(addElectronFuses).toHaveBeenCalledWith(context, {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      ...packagedFuses,
    });
  });

  it('land in the fuse wire where Electron reads them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bridgework-fuses-'));
    try {
      const binary = await fakeElectronBinary(dir);
      const before = await readFile(binary);
      await flipFuses(binary, fuseConfigFor({ electronPlatformName: 'linux', arch: Arch.x64 }));
      const wire = (await getCurrentFuseWire(binary)) as unknown as Record<string, number>;
      for (const [fuse, on] of Object.entries(packagedFuses)) {
        expect(wire[fuse], FuseV1Options[Number(fuse)]).toBe(wireState(on));
      }
      // A fuse newer than @electron/fuses knows is left as Electron ships it.
      expect(wire['8']).toBe(wireState(true));
      expect((await readFile(binary)).length).toBe(before.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('re-sign an unsigned arm64 Mac build ad hoc, and nothing else', () => {
    const resets = (electronPlatformName: string, arch: Arch) =>
      fuseConfigFor({ electronPlatformName, arch }).resetAdHocDarwinSignature;
    expect(resets('darwin', Arch.arm64)).toBe(true);
    expect(resets('darwin', Arch.x64)).toBe(false);
    expect(resets('win32', Arch.arm64)).toBe(false);
    expect(resets('linux', Arch.arm64)).toBe(false);
  });
});

describe('the installers', () => {
  it('are an AppImage and a .deb on Linux, a .dmg on macOS and an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('name the app, pack it into an ASAR archive and publish nothing', () => {
    expect(config.appId).toBe('org.bridgework.app');
    expect(config.productName).toBe('Bridgework');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('carry the icon at every size each OS asks for', () => {
    const png = (path: string) => {
      const bytes = readFileSync(path);
      expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    };
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(png(join(config.linux.icon, `${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }

    const ico = readFileSync(config.win.icon);
    const icoSizes = Array.from(
      { length: ico.readUInt16LE(4) },
      (_, index) => ico[6 + index * 16] || 256,
    );
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    const icns = readFileSync(config.mac.icon);
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const icnsTypes: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      icnsTypes.push(icns.subarray(at, at + 4).toString('latin1'));
    }
    expect(icnsTypes).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });
});

describe('what goes into app.asar', () => {
  it('is the built app and package.json, and no other file of the project', () => {
    const packed = projectFiles(projectDir).filter(packsAppFile);
    expect(packed).toContain('package.json');
    expect(packed.filter((path) => !/^out\/(main|preload|renderer)\//.test(path))).toEqual([
      'package.json',
    ]);
  });

  it('leaves out sources, tests, source maps, secrets and environment files', () => {
    const neverPacked = [
      'src-main/index.ts',
      'src-renderer/App.tsx',
      'src-shared/ipc/contract.ts',
      'tests/e2e/security.spec.ts',
      'tests/fixtures/demo.passphrase',
      'scripts/after-pack.ts',
      'electron-builder.config.ts',
      'resources/icons/icon.svg',
      'docs/security.md',
      '.env',
      'out/main/.env',
      'out/main/.env.production',
      'out/main/index.js.map',
      'out/renderer/assets/index-abc123.js.map',
      'out/renderer/assets/entry.ts',
      'out/main/signing.pem',
      'out/main/signing.p12',
      'out/electronegativity.csv',
      'dist/linux-unpacked/resources/app.asar',
    ];
    expect(neverPacked.filter(packsAppFile)).toEqual([]);
    expect(
      ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every(packsAppFile),
    ).toBe(true);
  });

  it('takes from node_modules only what the main process loads, without maps or sources', () => {
    expect(packsDependencyFile('node_modules/zod/index.js')).toBe(true);
    expect(packsDependencyFile('node_modules/zod/package.json')).toBe(true);
    const neverPacked = [
      'node_modules/react/index.js',
      'node_modules/@mantine/core/cjs/index.cjs',
      'node_modules/pdfjs-dist/build/pdf.mjs',
      'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
      'node_modules/zod-extra/index.js',
      'node_modules/zod/index.js.map',
      'node_modules/zod/src/index.ts',
      'node_modules/zod/.env',
    ];
    expect(neverPacked.filter(packsDependencyFile)).toEqual([]);
  });

  it('holds every package the built main process imports', () => {
    const main = 'out/main/index.js';
    expect(existsSync(main), 'run `npx electron-vite build` first').toBe(true);
    const imported = new Set(
      [...readFileSync(main, 'utf8').matchAll(/(?:^|\n)import\s[^;]*?from\s*["']([^"']+)["']/g)]
        .map((match) => match[1] ?? '')
        .filter((name) => name !== 'electron' && !name.startsWith('node:')),
    );
    expect([...imported].sort()).toEqual([...mainProcessModules].sort());
  });
});
