import type { SceneCharacter } from '../scene/scene';
import { darken, hsl, lighten } from './color';
import type { Palette } from './palette';
import { lit } from './palette';
import { n } from './svg';

const SKIN = ['#f1c9a5', '#e0ac7e', '#c68958', '#9a6440', '#6e4529'];
const HAIR = ['#3b2a1e', '#6b3f22', '#c58a3c', '#e7d08a', '#2b2b2b', '#a0502c'];
/** Known animals keep their own coats, whatever their names hash to. */
const COATS: Record<string, string> = { fox: '#d9692b', wolf: '#8a8f99', bear: '#7a5230', rabbit: '#d8cfc4', dog: '#b8895a', cat: '#8c7a6b', mouse: '#9a948c', deer: '#a86a3d', lion: '#d6a447', tiger: '#e08a2e', owl: '#9b7653', raven: '#2f2f3a', crow: '#2f2f3a', badger: '#6d6d6d', horse: '#7b5236' };

function coatOf(character: SceneCharacter): string {
  const known = Object.entries(COATS).find(([word]) => character.name.toLowerCase().includes(word));
  return known ? known[1] : hsl(character.hue, 45, 50);
}

/**
 * A figure standing with its feet at (x, y), `height` tall: people in robes
 * with a face and what they wear on their head, animals on all fours, birds,
 * dragons and robots. Each casts a soft shadow.
 */
export function drawFigure(character: SceneCharacter, x: number, y: number, height: number, palette: Palette, facing: 1 | -1): string {
  const shadow = `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(height * (character.kind === 'person' ? 0.22 : 0.4))}" ry="${n(height * 0.05)}" fill="#000" opacity="0.22"/>`;
  const body = { person, beast, bird, dragon, robot }[character.kind](character, x, y, height, palette, facing);
  return shadow + body;
}

function person(character: SceneCharacter, x: number, y: number, height: number, palette: Palette): string {
  const skin = lit(SKIN[character.hue % SKIN.length]!, palette);
  const hair = lit(HAIR[(character.hue >> 3) % HAIR.length]!, palette);
  const robe = lit(hsl(character.hue, 50, 46), palette);
  const trim = lit(hsl((character.hue + 40) % 360, 60, 70), palette);
  const head = height * 0.15;
  const headY = y - height + head;
  const shoulder = y - height * 0.72;
  const hem = y - height * 0.1;
  const half = height * 0.2;
  let figure = `<rect x="${n(x - half * 0.45)}" y="${n(hem - 4)}" width="${n(half * 0.3)}" height="${n(height * 0.1 + 4)}" rx="3" fill="${lit('#3b2f2a', palette)}"/><rect x="${n(x + half * 0.15)}" y="${n(hem - 4)}" width="${n(half * 0.3)}" height="${n(height * 0.1 + 4)}" rx="3" fill="${lit('#3b2f2a', palette)}"/>`;
  figure += `<path d="M${n(x - half * 0.42)},${n(shoulder)} Q${n(x)},${n(shoulder - height * 0.04)} ${n(x + half * 0.42)},${n(shoulder)} L${n(x + half)},${n(hem)} Q${n(x)},${n(hem + height * 0.05)} ${n(x - half)},${n(hem)} Z" fill="${robe}"/>`;
  figure += `<path d="M${n(x - half * 0.62)},${n(y - height * 0.42)} L${n(x + half * 0.62)},${n(y - height * 0.42)}" stroke="${trim}" stroke-width="${n(height * 0.035)}"/>`;
  figure += `<path d="M${n(x)},${n(shoulder)} L${n(x)},${n(hem)}" stroke="${darken(robe, 0.15)}" stroke-width="1.5" opacity="0.6"/>`;
  // Arms hang a little forward, hands showing.
  for (const side of [-1, 1]) {
    figure += `<path d="M${n(x + side * half * 0.4)},${n(shoulder + 4)} Q${n(x + side * half * 0.85)},${n(shoulder + height * 0.16)} ${n(x + side * half * 0.72)},${n(y - height * 0.4)}" stroke="${darken(robe, 0.12)}" stroke-width="${n(height * 0.07)}" stroke-linecap="round" fill="none"/>`;
    figure += `<circle cx="${n(x + side * half * 0.72)}" cy="${n(y - height * 0.39)}" r="${n(height * 0.035)}" fill="${skin}"/>`;
  }
  if (character.headwear === 'hood') {
    figure += `<path d="M${n(x - head * 1.25)},${n(shoulder + 4)} Q${n(x - head * 1.35)},${n(headY - head * 1.5)} ${n(x)},${n(headY - head * 1.35)} Q${n(x + head * 1.35)},${n(headY - head * 1.5)} ${n(x + head * 1.25)},${n(shoulder + 4)} Z" fill="${darken(robe, 0.2)}"/>`;
  }
  figure += `<rect x="${n(x - head * 0.3)}" y="${n(headY + head * 0.7)}" width="${n(head * 0.6)}" height="${n(head * 0.5)}" fill="${darken(skin, 0.1)}"/>`;
  figure += `<circle cx="${n(x)}" cy="${n(headY)}" r="${n(head)}" fill="${skin}"/>`;
  if (character.headwear !== 'hood' && character.headwear !== 'helmet') {
    figure += `<path d="M${n(x - head * 1.02)},${n(headY + head * 0.1)} Q${n(x - head * 1.1)},${n(headY - head * 1.25)} ${n(x)},${n(headY - head * 1.08)} Q${n(x + head * 1.1)},${n(headY - head * 1.25)} ${n(x + head * 1.02)},${n(headY + head * 0.1)} Q${n(x + head * 0.4)},${n(headY - head * 0.55)} ${n(x - head * 1.02)},${n(headY + head * 0.1)} Z" fill="${hair}"/>`;
  }
  figure += `<circle cx="${n(x - head * 0.36)}" cy="${n(headY + head * 0.12)}" r="${n(head * 0.11)}" fill="#2a1d16"/><circle cx="${n(x + head * 0.36)}" cy="${n(headY + head * 0.12)}" r="${n(head * 0.11)}" fill="#2a1d16"/>`;
  figure += `<circle cx="${n(x - head * 0.55)}" cy="${n(headY + head * 0.45)}" r="${n(head * 0.16)}" fill="#e8826e" opacity="0.45"/><circle cx="${n(x + head * 0.55)}" cy="${n(headY + head * 0.45)}" r="${n(head * 0.16)}" fill="#e8826e" opacity="0.45"/>`;
  figure += `<path d="M${n(x - head * 0.22)},${n(headY + head * 0.5)} Q${n(x)},${n(headY + head * 0.68)} ${n(x + head * 0.22)},${n(headY + head * 0.5)}" stroke="#7a3b2e" stroke-width="1.5" fill="none" stroke-linecap="round"/>`;
  figure += headwear(character, x, headY, head, palette, robe);
  return figure;
}

function headwear(character: SceneCharacter, x: number, headY: number, head: number, palette: Palette, robe: string): string {
  switch (character.headwear) {
    case 'crown': {
      const gold = lit('#e8b930', palette);
      const base = headY - head * 0.75;
      return `<path d="M${n(x - head * 0.8)},${n(base)} L${n(x - head * 0.85)},${n(base - head * 0.75)} L${n(x - head * 0.4)},${n(base - head * 0.35)} L${n(x)},${n(base - head * 0.95)} L${n(x + head * 0.4)},${n(base - head * 0.35)} L${n(x + head * 0.85)},${n(base - head * 0.75)} L${n(x + head * 0.8)},${n(base)} Z" fill="${gold}" stroke="${darken(gold, 0.3)}" stroke-width="1"/><circle cx="${n(x)}" cy="${n(base - head * 0.2)}" r="${n(head * 0.12)}" fill="${lit('#c8302e', palette)}"/>`;
    }
    case 'pointed-hat': {
      const hat = darken(robe, 0.25);
      return `<ellipse cx="${n(x)}" cy="${n(headY - head * 0.7)}" rx="${n(head * 1.5)}" ry="${n(head * 0.28)}" fill="${hat}"/><path d="M${n(x - head * 0.85)},${n(headY - head * 0.75)} L${n(x + head * 0.5)},${n(headY - head * 3.1)} L${n(x + head * 0.85)},${n(headY - head * 0.75)} Z" fill="${hat}"/><circle cx="${n(x + head * 0.1)}" cy="${n(headY - head * 1.6)}" r="${n(head * 0.16)}" fill="${lit('#f3d35b', palette)}"/>`;
    }
    case 'helmet': {
      const steel = lit('#aab3bd', palette);
      return `<path d="M${n(x - head * 1.1)},${n(headY + head * 0.2)} Q${n(x - head * 1.15)},${n(headY - head * 1.3)} ${n(x)},${n(headY - head * 1.2)} Q${n(x + head * 1.15)},${n(headY - head * 1.3)} ${n(x + head * 1.1)},${n(headY + head * 0.2)} L${n(x + head * 0.7)},${n(headY - head * 0.15)} L${n(x - head * 0.7)},${n(headY - head * 0.15)} Z" fill="${steel}" stroke="${darken(steel, 0.35)}" stroke-width="1.5"/><path d="M${n(x)},${n(headY - head * 1.2)} L${n(x)},${n(headY - head * 0.15)}" stroke="${darken(steel, 0.25)}" stroke-width="2"/><path d="M${n(x)},${n(headY - head * 1.2)} Q${n(x - head * 0.4)},${n(headY - head * 2)} ${n(x - head * 1.1)},${n(headY - head * 1.7)}" stroke="${lit('#c8402e', palette)}" stroke-width="${n(head * 0.3)}" fill="none" stroke-linecap="round"/>`;
    }
    case 'cap': {
      const cap = lit(hsl((character.hue + 180) % 360, 45, 45), palette);
      return `<path d="M${n(x - head * 0.95)},${n(headY - head * 0.35)} Q${n(x)},${n(headY - head * 1.5)} ${n(x + head * 0.95)},${n(headY - head * 0.35)} Z" fill="${cap}"/><path d="M${n(x + head * 0.3)},${n(headY - head * 0.4)} L${n(x + head * 1.5)},${n(headY - head * 0.3)}" stroke="${darken(cap, 0.2)}" stroke-width="${n(head * 0.2)}" stroke-linecap="round"/>`;
    }
    default:
      return '';
  }
}

function beast(character: SceneCharacter, x: number, y: number, height: number, palette: Palette, facing: 1 | -1): string {
  const coat = lit(coatOf(character), palette);
  const belly = lighten(coat, 0.45);
  const length = height * 0.8;
  const bodyY = y - height * 0.42;
  const f = facing;
  const headX = x + f * length * 0.48;
  const headY = bodyY - height * 0.18;
  let figure = `<path d="M${n(x - f * length * 0.45)},${n(bodyY)} Q${n(x - f * length * 0.85)},${n(bodyY - height * 0.1)} ${n(x - f * length * 0.78)},${n(bodyY - height * 0.42)}" stroke="${coat}" stroke-width="${n(height * 0.14)}" stroke-linecap="round" fill="none"/>`;
  figure += `<circle cx="${n(x - f * length * 0.78)}" cy="${n(bodyY - height * 0.44)}" r="${n(height * 0.08)}" fill="${belly}"/>`;
  for (const offset of [-0.3, -0.15, 0.22, 0.36]) {
    figure += `<rect x="${n(x + offset * length - height * 0.05)}" y="${n(bodyY)}" width="${n(height * 0.1)}" height="${n(y - bodyY)}" rx="${n(height * 0.04)}" fill="${darken(coat, Math.abs(offset) < 0.2 ? 0.2 : 0)}"/>`;
  }
  figure += `<ellipse cx="${n(x)}" cy="${n(bodyY)}" rx="${n(length * 0.48)}" ry="${n(height * 0.2)}" fill="${coat}"/><ellipse cx="${n(x + f * length * 0.05)}" cy="${n(bodyY + height * 0.08)}" rx="${n(length * 0.3)}" ry="${n(height * 0.09)}" fill="${belly}"/>`;
  figure += `<path d="M${n(headX - height * 0.12)},${n(headY - height * 0.08)} L${n(headX - height * 0.08)},${n(headY - height * 0.34)} L${n(headX + height * 0.02)},${n(headY - height * 0.12)} Z M${n(headX + height * 0.04)},${n(headY - height * 0.1)} L${n(headX + height * 0.12)},${n(headY - height * 0.34)} L${n(headX + height * 0.16)},${n(headY - height * 0.06)} Z" fill="${darken(coat, 0.1)}"/>`;
  figure += `<circle cx="${n(headX)}" cy="${n(headY)}" r="${n(height * 0.16)}" fill="${coat}"/><path d="M${n(headX + f * height * 0.08)},${n(headY - height * 0.04)} L${n(headX + f * height * 0.3)},${n(headY + height * 0.05)} L${n(headX + f * height * 0.06)},${n(headY + height * 0.12)} Z" fill="${belly}"/>`;
  figure += `<circle cx="${n(headX + f * height * 0.29)}" cy="${n(headY + height * 0.05)}" r="${n(height * 0.03)}" fill="#1e1612"/><circle cx="${n(headX + f * height * 0.07)}" cy="${n(headY - height * 0.03)}" r="${n(height * 0.028)}" fill="#1e1612"/>`;
  return figure;
}

function bird(character: SceneCharacter, x: number, y: number, height: number, palette: Palette, facing: 1 | -1): string {
  const feathers = lit(coatOf(character), palette);
  const cy = y - height * 0.45;
  const owl = character.name.toLowerCase().includes('owl');
  let figure = `<path d="M${n(x - height * 0.08)},${n(y - height * 0.02)} L${n(x - height * 0.08)},${n(y - height * 0.16)} M${n(x + height * 0.08)},${n(y - height * 0.02)} L${n(x + height * 0.08)},${n(y - height * 0.16)}" stroke="${lit('#c98b2e', palette)}" stroke-width="3"/>`;
  figure += `<ellipse cx="${n(x)}" cy="${n(cy)}" rx="${n(height * 0.26)}" ry="${n(height * 0.34)}" fill="${feathers}"/><ellipse cx="${n(x)}" cy="${n(cy + height * 0.08)}" rx="${n(height * 0.16)}" ry="${n(height * 0.22)}" fill="${lighten(feathers, 0.4)}"/>`;
  figure += `<path d="M${n(x - facing * height * 0.1)},${n(cy - height * 0.12)} Q${n(x - facing * height * 0.45)},${n(cy)} ${n(x - facing * height * 0.2)},${n(cy + height * 0.28)} Z" fill="${darken(feathers, 0.2)}"/>`;
  const eye = owl ? height * 0.09 : height * 0.045;
  for (const side of owl ? [-1, 1] : [facing]) {
    figure += `<circle cx="${n(x + side * height * 0.1)}" cy="${n(cy - height * 0.14)}" r="${n(eye)}" fill="#fff8e0"/><circle cx="${n(x + side * height * 0.1)}" cy="${n(cy - height * 0.14)}" r="${n(eye * 0.5)}" fill="#1e1612"/>`;
  }
  if (owl) figure += `<path d="M${n(x - height * 0.2)},${n(cy - height * 0.3)} L${n(x - height * 0.14)},${n(cy - height * 0.44)} L${n(x - height * 0.06)},${n(cy - height * 0.3)} Z M${n(x + height * 0.06)},${n(cy - height * 0.3)} L${n(x + height * 0.14)},${n(cy - height * 0.44)} L${n(x + height * 0.2)},${n(cy - height * 0.3)} Z" fill="${darken(feathers, 0.15)}"/>`;
  figure += `<path d="M${n(x + facing * height * (owl ? 0 : 0.2))},${n(cy - height * 0.08)} L${n(x + facing * height * (owl ? 0.06 : 0.36))},${n(cy - height * 0.04)} L${n(x + facing * height * (owl ? 0 : 0.2))},${n(cy)} Z" fill="${lit('#e0a32e', palette)}"/>`;
  return figure;
}

function dragon(character: SceneCharacter, x: number, y: number, height: number, palette: Palette, facing: 1 | -1): string {
  const scales = lit(hsl(character.name.toLowerCase().includes('dragon') ? 140 : character.hue, 45, 40), palette);
  const wing = darken(scales, 0.2);
  const f = facing;
  const bodyY = y - height * 0.35;
  let figure = `<path d="M${n(x - f * height * 0.3)},${n(bodyY)} Q${n(x - f * height * 0.9)},${n(bodyY + height * 0.2)} ${n(x - f * height * 1.0)},${n(bodyY - height * 0.15)}" stroke="${scales}" stroke-width="${n(height * 0.1)}" stroke-linecap="round" fill="none"/>`;
  figure += `<path d="M${n(x - f * height * 0.05)},${n(bodyY - height * 0.15)} L${n(x - f * height * 0.2)},${n(bodyY - height * 0.85)} L${n(x - f * height * 0.45)},${n(bodyY - height * 0.55)} L${n(x - f * height * 0.6)},${n(bodyY - height * 0.7)} L${n(x - f * height * 0.55)},${n(bodyY - height * 0.3)} Z" fill="${wing}"/>`;
  figure += `<ellipse cx="${n(x)}" cy="${n(bodyY)}" rx="${n(height * 0.38)}" ry="${n(height * 0.22)}" fill="${scales}"/>`;
  for (const offset of [-0.22, 0.18]) figure += `<rect x="${n(x + offset * height - height * 0.06)}" y="${n(bodyY)}" width="${n(height * 0.12)}" height="${n(y - bodyY)}" rx="5" fill="${darken(scales, 0.15)}"/>`;
  figure += `<path d="M${n(x + f * height * 0.25)},${n(bodyY - height * 0.05)} Q${n(x + f * height * 0.42)},${n(bodyY - height * 0.4)} ${n(x + f * height * 0.5)},${n(bodyY - height * 0.62)}" stroke="${scales}" stroke-width="${n(height * 0.13)}" stroke-linecap="round" fill="none"/>`;
  figure += `<ellipse cx="${n(x + f * height * 0.58)}" cy="${n(bodyY - height * 0.66)}" rx="${n(height * 0.17)}" ry="${n(height * 0.11)}" fill="${scales}"/><circle cx="${n(x + f * height * 0.6)}" cy="${n(bodyY - height * 0.7)}" r="${n(height * 0.03)}" fill="#f5d142"/>`;
  figure += `<path d="M${n(x + f * height * 0.5)},${n(bodyY - height * 0.75)} L${n(x + f * height * 0.44)},${n(bodyY - height * 0.9)} L${n(x + f * height * 0.56)},${n(bodyY - height * 0.77)} Z" fill="${lighten(scales, 0.4)}"/>`;
  return figure;
}

function robot(character: SceneCharacter, x: number, y: number, height: number, palette: Palette): string {
  const metal = lit('#9fb0c0', palette);
  const accent = lit(hsl(character.hue, 60, 55), palette);
  const width = height * 0.42;
  let figure = `<rect x="${n(x - width * 0.35)}" y="${n(y - height * 0.25)}" width="${n(width * 0.22)}" height="${n(height * 0.25)}" fill="${darken(metal, 0.3)}"/><rect x="${n(x + width * 0.13)}" y="${n(y - height * 0.25)}" width="${n(width * 0.22)}" height="${n(height * 0.25)}" fill="${darken(metal, 0.3)}"/>`;
  figure += `<rect x="${n(x - width / 2)}" y="${n(y - height * 0.68)}" width="${n(width)}" height="${n(height * 0.45)}" rx="8" fill="${metal}" stroke="${darken(metal, 0.35)}" stroke-width="2"/><circle cx="${n(x)}" cy="${n(y - height * 0.47)}" r="${n(height * 0.06)}" fill="${accent}"/>`;
  figure += `<rect x="${n(x - width * 0.36)}" y="${n(y - height * 0.95)}" width="${n(width * 0.72)}" height="${n(height * 0.25)}" rx="6" fill="${metal}" stroke="${darken(metal, 0.35)}" stroke-width="2"/>`;
  figure += `<circle cx="${n(x - width * 0.15)}" cy="${n(y - height * 0.83)}" r="${n(height * 0.035)}" fill="#7ef0ff"/><circle cx="${n(x + width * 0.15)}" cy="${n(y - height * 0.83)}" r="${n(height * 0.035)}" fill="#7ef0ff"/>`;
  figure += `<path d="M${n(x)},${n(y - height * 0.95)} L${n(x)},${n(y - height * 1.05)}" stroke="${darken(metal, 0.35)}" stroke-width="2"/><circle cx="${n(x)}" cy="${n(y - height * 1.06)}" r="4" fill="${accent}"/>`;
  for (const side of [-1, 1]) figure += `<path d="M${n(x + side * width * 0.5)},${n(y - height * 0.62)} L${n(x + side * width * 0.72)},${n(y - height * 0.38)}" stroke="${darken(metal, 0.2)}" stroke-width="${n(height * 0.06)}" stroke-linecap="round"/>`;
  return figure;
}
