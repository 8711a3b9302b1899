import type { SceneDescription } from '../scene/scene';
import { BACKDROPS } from './backdrops';
import { mix } from './color';
import type { DrawContext } from './context';
import { drawFigure } from './figures';
import { paletteOf } from './palette';
import { seededRandom } from './random';
import { drawSky } from './sky';
import { escapeXml, n } from './svg';
import { drawWeather } from './weather';

/** The family the caption is set in; the renderer must be given this font. */
export const CAPTION_FONT = 'Lora';

const PAPER = '#f4ecd8';
const INK = '#4a3626';

/**
 * The whole plate as SVG: a paper page with a framed, rounded picture —
 * sky, backdrop, the characters on the ground, weather, light and mood —
 * and the caption set beneath it in italic.
 */
export function drawPlate(scene: SceneDescription, size: { width: number; height: number }): string {
  const { width, height } = size;
  const margin = Math.round(width * 0.035);
  const captionBand = Math.round(height * 0.15);
  const sceneWidth = width - margin * 2;
  const sceneHeight = height - margin * 2 - captionBand;
  const random = seededRandom(scene.seed);
  const palette = paletteOf(scene);
  const context: DrawContext = { width: sceneWidth, height: sceneHeight, horizon: sceneHeight * 0.55, palette, random, scene };

  const sky = drawSky(context);
  const backdrop = BACKDROPS[scene.setting](context);
  const figures = placeFigures(context, backdrop.groundY);
  const radius = Math.round(width * 0.02);
  const defs = `${sky.defs}
    <clipPath id="frame"><rect width="${sceneWidth}" height="${sceneHeight}" rx="${radius}"/></clipPath>
    <radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${scene.mood === 'tense' || scene.mood === 'mysterious' ? 0.45 : 0.28}"/></radialGradient>`;

  const picture = [
    sky.body,
    backdrop.back,
    `<rect width="${sceneWidth}" height="${sceneHeight}" fill="${palette.haze}" opacity="${scene.weather === 'fog' ? 0.25 : 0.06}"/>`,
    backdrop.ground,
    figures,
    backdrop.front,
    drawWeather(context),
    `<rect width="${sceneWidth}" height="${sceneHeight}" fill="${palette.tint.color}" opacity="${palette.tint.opacity}"/>`,
    `<rect width="${sceneWidth}" height="${sceneHeight}" fill="url(#vignette)"/>`,
  ].join('\n');

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>${defs}</defs>
  <rect width="${width}" height="${height}" fill="${PAPER}"/>
  ${paperGrain(width, height, seededRandom(scene.seed ^ 0x5f3759df))}
  <rect x="${n(margin - 9)}" y="${n(margin - 9)}" width="${n(sceneWidth + 18)}" height="${n(sceneHeight + 18)}" rx="${radius + 6}" fill="none" stroke="${INK}" stroke-width="1.2" opacity="0.55"/>
  <g transform="translate(${margin},${margin})"><g clip-path="url(#frame)">${picture}</g></g>
  <rect x="${margin}" y="${margin}" width="${sceneWidth}" height="${sceneHeight}" rx="${radius}" fill="none" stroke="${INK}" stroke-width="3"/>
  ${caption(scene.caption, width, height - margin - captionBand, captionBand)}
</svg>`;
}

/** People and animals spread across the middle ground, facing each other. */
function placeFigures(context: DrawContext, groundY: (x: number) => number): string {
  const { width, height, palette, random, scene } = context;
  const count = scene.characters.length;
  return scene.characters
    .map((character, index) => {
      const x = count === 1 ? width * random.between(0.42, 0.58) : width * (0.26 + (0.48 * index) / (count - 1)) + random.between(-12, 12);
      const y = groundY(x) + height * random.between(0.1, 0.13);
      const facing = x < width / 2 ? 1 : -1;
      return drawFigure(character, x, y, height * 0.3 * character.scale, palette, facing);
    })
    .join('');
}

function paperGrain(width: number, height: number, random: ReturnType<typeof seededRandom>): string {
  let grain = '';
  for (let index = 0; index < 260; index += 1) {
    grain += `<circle cx="${n(random.between(0, width))}" cy="${n(random.between(0, height))}" r="${n(random.between(0.4, 1.3))}" fill="${mix(PAPER, INK, random.between(0.1, 0.3))}" opacity="0.5"/>`;
  }
  return grain;
}

/** The caption in one or two centred italic lines, with a small ornament either side of a single line. */
function caption(text: string, width: number, top: number, band: number): string {
  const fontSize = Math.round(width * 0.026);
  const perLine = Math.floor((width * 0.8) / (fontSize * 0.48));
  const lines = wrap(text, perLine).slice(0, 2);
  const lineHeight = fontSize * 1.3;
  const firstY = top + band / 2 - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  const texts = lines.map((line, index) => `<text x="${n(width / 2)}" y="${n(firstY + index * lineHeight)}" text-anchor="middle" font-family="${CAPTION_FONT}" font-style="italic" font-size="${fontSize}" fill="${INK}">${escapeXml(line)}</text>`).join('');
  if (lines.length !== 1) return texts;
  const half = (lines[0]!.length * fontSize * 0.46) / 2 + fontSize;
  const y = firstY - fontSize * 0.3;
  const ornament = (x: number, direction: number): string =>
    `<path d="M${n(x)},${n(y)} L${n(x + direction * fontSize * 2.2)},${n(y)}" stroke="${INK}" stroke-width="1.2" opacity="0.7"/><path d="M${n(x + direction * fontSize * 2.4)},${n(y - 4)} l4,4 l-4,4 l-4,-4 Z" fill="${INK}" opacity="0.7"/>`;
  return texts + ornament(width / 2 - half, -1) + ornament(width / 2 + half, 1);
}

function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > perLine) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > 2) lines[1] = `${lines[1]!.replace(/[,;:.]?$/, '')}…`;
  return lines;
}
