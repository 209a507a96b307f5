// Draws the app icon from resources/icons/icon.svg into the files electron-builder packs:
// png/<n>x<n>.png (Linux), icon.ico (Windows), icon.icns (macOS) and icon.png. Each size is
// drawn from the SVG by Chromium, so small sizes stay crisp; ImageMagick joins the .ico.
// Run after changing the SVG: `npx tsx scripts/make-icons.ts`.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/harness/browser-app';

const iconsDir = 'resources/icons';
const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entries: each OSType holds a PNG of one pixel size (the @2x ones reuse a larger size). */
const icnsEntries = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
] as const;

const pngPath = (size: number): string => join(iconsDir, 'png', `${size}x${size}.png`);

async function drawPngs(svg: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    for (const size of pngSizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg.replace(
          /width="\d+" height="\d+"/,
          `width="${size}" height="${size}"`,
        )}`,
      );
      await writeFile(pngPath(size), await page.screenshot({ omitBackground: true }));
    }
  } finally {
    await browser.close();
  }
}

/** An Apple icon file: 'icns', the file's length, then per entry its OSType, length and PNG. */
async function writeIcns(): Promise<void> {
  const entries = await Promise.all(
    icnsEntries.map(async ([type, size]) => {
      const png = await readFile(pngPath(size));
      const header = Buffer.alloc(8);
      header.write(type, 0, 'latin1');
      header.writeUInt32BE(png.length + 8, 4);
      return Buffer.concat([header, png]);
    }),
  );
  const body = Buffer.concat(entries);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  await writeFile(join(iconsDir, 'icon.icns'), Buffer.concat([header, body]));
}

const svg = await readFile(join(iconsDir, 'icon.svg'), 'utf8');
await mkdir(join(iconsDir, 'png'), { recursive: true });
await drawPngs(svg);
await writeFile(join(iconsDir, 'icon.png'), await readFile(pngPath(1024)));
execFileSync('convert', [...icoSizes.map(pngPath), join(iconsDir, 'icon.ico')]);
await writeIcns();
