#!/usr/bin/env node
// Renders the illustrator's twenty sample scenes and lays them out as one
// contact sheet (docs/illustrations.png), the way a person judges the art.
// Run after `npx nx run illustrator:build`:  node scripts/illustrations-sheet.mjs [out.png]
import { renderAsync } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { SAMPLE_SCENES, composeScene, drawPlate, CAPTION_FONT } = require(join(root, 'libs/illustrator/dist/index.js'));
const fontFiles = ['400Regular/Lora_400Regular.ttf', '400Regular_Italic/Lora_400Regular_Italic.ttf'].map((file) => require.resolve(`@expo-google-fonts/lora/${file}`));

const out = process.argv[2] ?? join(root, 'docs/illustrations.png');
const columns = 5;
const tile = { width: 512, height: 384 };
const gap = 12;
const tiles = [];
for (const [index, request] of SAMPLE_SCENES.entries()) {
  const svg = drawPlate(composeScene(request), { width: 1024, height: 768 });
  const png = (await renderAsync(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CAPTION_FONT } })).asPng();
  tiles.push({
    input: await sharp(png).resize(tile.width, tile.height).png().toBuffer(),
    left: gap + (index % columns) * (tile.width + gap),
    top: gap + Math.floor(index / columns) * (tile.height + gap),
  });
}
const rows = Math.ceil(tiles.length / columns);
await sharp({ create: { width: gap + columns * (tile.width + gap), height: gap + rows * (tile.height + gap), channels: 3, background: '#2b2420' } })
  .composite(tiles)
  .png({ compressionLevel: 9 })
  .toFile(out);
console.log(`wrote ${out}`);
