import { darken, lighten } from './color';
import type { Random } from './random';
import { n } from './svg';

/** A fir: three stacked, slightly ragged triangles on a short trunk. */
export function conifer(x: number, baseY: number, height: number, color: string, random: Random, snow = false): string {
  const width = height * random.between(0.42, 0.52);
  let tiers = `<rect x="${n(x - height * 0.035)}" y="${n(baseY - height * 0.16)}" width="${n(height * 0.07)}" height="${n(height * 0.17)}" fill="${darken(color, 0.45)}"/>`;
  for (let tier = 0; tier < 3; tier += 1) {
    const top = baseY - height * (1 - tier * 0.24);
    const bottom = baseY - height * (0.12 + (2 - tier) * 0.2);
    const half = (width / 2) * (0.62 + tier * 0.19);
    tiers += `<path d="M${n(x)},${n(top)} L${n(x + half)},${n(bottom)} Q${n(x)},${n(bottom - height * 0.05)} ${n(x - half)},${n(bottom)} Z" fill="${tier === 0 ? lighten(color, 0.06) : color}"/>`;
    if (snow) tiers += `<path d="M${n(x)},${n(top)} L${n(x + half * 0.42)},${n(top + (bottom - top) * 0.42)} Q${n(x)},${n(top + (bottom - top) * 0.3)} ${n(x - half * 0.42)},${n(top + (bottom - top) * 0.42)} Z" fill="#f4f8fc"/>`;
  }
  return tiers;
}

/** A broadleaf: a trunk and a cloud of round leaf masses, lit from above. */
export function roundTree(x: number, baseY: number, height: number, color: string, random: Random): string {
  const trunk = darken(color, 0.55);
  let tree = `<path d="M${n(x - height * 0.05)},${n(baseY)} L${n(x - height * 0.025)},${n(baseY - height * 0.55)} L${n(x + height * 0.025)},${n(baseY - height * 0.55)} L${n(x + height * 0.05)},${n(baseY)} Z" fill="${trunk}"/>`;
  const crownY = baseY - height * 0.68;
  const masses = Array.from({ length: 6 }, () => [random.between(-0.24, 0.24) * height, random.between(-0.18, 0.12) * height, random.between(0.16, 0.24) * height] as const);
  tree += masses.map(([dx, dy, r]) => `<circle cx="${n(x + dx)}" cy="${n(crownY + dy)}" r="${n(r)}" fill="${darken(color, 0.12)}"/>`).join('');
  tree += masses.map(([dx, dy, r]) => `<circle cx="${n(x + dx - r * 0.15)}" cy="${n(crownY + dy - r * 0.2)}" r="${n(r * 0.78)}" fill="${color}"/>`).join('');
  return tree;
}

/** A cottage: walls, a pitched roof, a door, a lit or dark window, a chimney. */
export function cottage(x: number, baseY: number, width: number, wall: string, roof: string, windowLight: string, random: Random): string {
  const height = width * random.between(0.55, 0.7);
  const roofHeight = width * random.between(0.38, 0.5);
  const left = x - width / 2;
  return [
    `<rect x="${n(left + width * 0.62)}" y="${n(baseY - height - roofHeight * 0.8)}" width="${n(width * 0.12)}" height="${n(roofHeight * 0.6)}" fill="${darken(wall, 0.35)}"/>`,
    `<rect x="${n(left)}" y="${n(baseY - height)}" width="${n(width)}" height="${n(height)}" fill="${wall}"/>`,
    `<path d="M${n(left - width * 0.08)},${n(baseY - height)} L${n(x)},${n(baseY - height - roofHeight)} L${n(left + width * 1.08)},${n(baseY - height)} Z" fill="${roof}"/>`,
    `<rect x="${n(x - width * 0.1)}" y="${n(baseY - height * 0.55)}" width="${n(width * 0.2)}" height="${n(height * 0.55)}" rx="${n(width * 0.1)}" fill="${darken(wall, 0.5)}"/>`,
    `<rect x="${n(left + width * 0.12)}" y="${n(baseY - height * 0.72)}" width="${n(width * 0.2)}" height="${n(width * 0.18)}" fill="${windowLight}" stroke="${darken(wall, 0.45)}" stroke-width="2"/>`,
    `<rect x="${n(left + width * 0.68)}" y="${n(baseY - height * 0.72)}" width="${n(width * 0.2)}" height="${n(width * 0.18)}" fill="${windowLight}" stroke="${darken(wall, 0.45)}" stroke-width="2"/>`,
  ].join('');
}

/** A tuft of grass blades. */
export function tuft(x: number, y: number, size: number, color: string, random: Random): string {
  let blades = '';
  for (let blade = -2; blade <= 2; blade += 1) {
    const lean = blade * size * 0.22 + random.between(-2, 2);
    blades += `<path d="M${n(x + blade * size * 0.1 - 2)},${n(y)} Q${n(x + lean * 0.5)},${n(y - size * 0.6)} ${n(x + lean)},${n(y - size * random.between(0.7, 1))} Q${n(x + lean * 0.5 + 3)},${n(y - size * 0.5)} ${n(x + blade * size * 0.1 + 2)},${n(y)} Z" fill="${color}"/>`;
  }
  return blades;
}

/** A five-petal flower on a stem. */
export function flower(x: number, y: number, size: number, petal: string, stem: string): string {
  const head = y - size * 1.6;
  const petals = Array.from({ length: 5 }, (_, index) => {
    const angle = (index / 5) * Math.PI * 2;
    return `<circle cx="${n(x + Math.cos(angle) * size * 0.45)}" cy="${n(head + Math.sin(angle) * size * 0.45)}" r="${n(size * 0.38)}" fill="${petal}"/>`;
  }).join('');
  return `<path d="M${n(x)},${n(y)} Q${n(x + size * 0.3)},${n(y - size * 0.8)} ${n(x)},${n(head)}" stroke="${stem}" stroke-width="2" fill="none"/>${petals}<circle cx="${n(x)}" cy="${n(head)}" r="${n(size * 0.28)}" fill="#f7d046"/>`;
}

/** A rounded rock with a lit top. */
export function rock(x: number, y: number, width: number, color: string): string {
  return `<path d="M${n(x - width / 2)},${n(y)} Q${n(x - width * 0.48)},${n(y - width * 0.5)} ${n(x - width * 0.1)},${n(y - width * 0.55)} Q${n(x + width * 0.45)},${n(y - width * 0.6)} ${n(x + width / 2)},${n(y)} Z" fill="${color}"/><path d="M${n(x - width * 0.3)},${n(y - width * 0.38)} Q${n(x - width * 0.05)},${n(y - width * 0.52)} ${n(x + width * 0.25)},${n(y - width * 0.45)}" stroke="${lighten(color, 0.25)}" stroke-width="${n(width * 0.06)}" fill="none" stroke-linecap="round"/>`;
}
