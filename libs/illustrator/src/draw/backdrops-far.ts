import { darken, hsl, lighten, mix } from './color';
import type { Backdrop, DrawContext } from './context';
import { groundLine, hills } from './backdrops-land';
import { far, lit } from './palette';
import { conifer, rock, tuft } from './shapes';
import { n, ridge } from './svg';

export function city(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette, scene } = context;
  const lightsOn = scene.timeOfDay === 'night' || scene.timeOfDay === 'dusk';
  const groundY = (): number => height * 0.8;
  let back = '';
  for (let row = 0; row < 3; row += 1) {
    const depth = 0.7 - row * 0.3;
    let x = -random.between(0, 40);
    while (x < width) {
      const buildingWidth = width * random.between(0.06, 0.11) * (1 + row * 0.25);
      const buildingHeight = height * random.between(0.18, 0.42) * (1 - row * 0.18);
      const base = horizon + height * (0.06 + row * 0.08);
      const top = base - buildingHeight;
      const wall = far(random.pick(['#6f7a8c', '#8b7f78', '#7d8a96', '#9a8a7a']), palette, depth);
      back += `<rect x="${n(x)}" y="${n(top)}" width="${n(buildingWidth)}" height="${n(buildingHeight + height * 0.1)}" fill="${wall}"/>`;
      if (random.next() < 0.3) back += `<rect x="${n(x + buildingWidth * 0.4)}" y="${n(top - 18)}" width="3" height="18" fill="${wall}"/>`;
      const lit = lightsOn ? '#ffd978' : far('#b9d3e3', palette, depth * 0.5);
      for (let wy = top + 12; wy < base - 10; wy += 20) {
        for (let wx = x + 8; wx < x + buildingWidth - 12; wx += 16) {
          if (random.next() < (lightsOn ? 0.45 : 0.7)) back += `<rect x="${n(wx)}" y="${n(wy)}" width="7" height="10" fill="${random.next() < 0.8 ? lit : darken(wall, 0.3)}" opacity="${n(1 - depth * 0.5)}"/>`;
        }
      }
      x += buildingWidth + random.between(2, 14);
    }
  }
  const street = lit('#6b6a6e', palette);
  const ground = `<rect x="0" y="${n(height * 0.8)}" width="${width}" height="${n(height * 0.2)}" fill="${street}"/><rect x="0" y="${n(height * 0.78)}" width="${width}" height="${n(height * 0.03)}" fill="${lit('#a3a09a', palette)}"/>` +
    Array.from({ length: 6 }, (_, index) => `<rect x="${n((index + 0.3) * (width / 6))}" y="${n(height * 0.93)}" width="${n(width / 14)}" height="5" fill="${lit('#e9e3c8', palette)}"/>`).join('');
  let front = '';
  for (const x of [width * 0.08, width * 0.92]) {
    front += `<rect x="${n(x - 4)}" y="${n(height * 0.5)}" width="8" height="${n(height * 0.31)}" fill="${lit('#2f3440', palette)}"/><path d="M${n(x - 18)},${n(height * 0.52)} L${n(x + 18)},${n(height * 0.52)} L${n(x + 10)},${n(height * 0.48)} L${n(x - 10)},${n(height * 0.48)} Z" fill="${lit('#2f3440', palette)}"/>`;
    if (lightsOn) front += `<circle cx="${n(x)}" cy="${n(height * 0.54)}" r="60" fill="url(#glow)" opacity="0.6"/><circle cx="${n(x)}" cy="${n(height * 0.535)}" r="6" fill="#ffe9a8"/>`;
  }
  return { back, ground, front, groundY };
}

export function sea(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette, scene } = context;
  const water = lit(scene.mood === 'tense' || scene.weather === 'storm' ? '#2f5a70' : '#3d8fb3', palette);
  const groundY = groundLine(context, height * 0.84, height * 0.012);
  let back = `<rect x="0" y="${n(horizon)}" width="${width}" height="${n(height - horizon)}" fill="${mix(water, palette.haze, 0.35)}"/>`;
  for (let band = 0; band < 7; band += 1) {
    const y = horizon + (band + 1) * (height * 0.035) + band * band * 1.5;
    const amplitude = 2 + band * 1.6;
    const phase = random.between(0, 6);
    back += `<path d="${ridge(width, height, (x) => y + Math.sin(x * (0.02 - band * 0.0018) + phase) * amplitude, 8)}" fill="${mix(water, palette.haze, 0.3 - band * 0.045)}"/>`;
    back += `<path d="${ridge(width, y + amplitude + 2, (x) => y + Math.sin(x * (0.02 - band * 0.0018) + phase) * amplitude, 8).replace(/Z$/, '')}" fill="none" stroke="${lighten(water, 0.45)}" stroke-width="1.5" opacity="0.5"/>`;
  }
  // A sailing ship on the horizon, or a lighthouse on its rock.
  const x = width * random.between(0.6, 0.8);
  if (random.next() < 0.6) {
    const hull = far('#5a3a28', palette, 0.25);
    const sail = far('#f3ead6', palette, 0.2);
    back += `<path d="M${n(x - 60)},${n(horizon + 6)} L${n(x + 60)},${n(horizon + 6)} L${n(x + 44)},${n(horizon + 26)} L${n(x - 46)},${n(horizon + 26)} Z" fill="${hull}"/>`;
    back += `<rect x="${n(x - 2)}" y="${n(horizon - 100)}" width="4" height="106" fill="${hull}"/><path d="M${n(x + 4)},${n(horizon - 94)} Q${n(x + 52)},${n(horizon - 60)} ${n(x + 4)},${n(horizon - 8)} Z" fill="${sail}"/><path d="M${n(x - 4)},${n(horizon - 80)} Q${n(x - 40)},${n(horizon - 50)} ${n(x - 4)},${n(horizon - 14)} Z" fill="${sail}"/><path d="M${n(x)},${n(horizon - 100)} L${n(x + 22)},${n(horizon - 94)} L${n(x)},${n(horizon - 88)} Z" fill="${far('#c8402e', palette, 0.2)}"/>`;
  } else {
    back += rock(x, horizon + 30, 140, far('#5c5652', palette, 0.3));
    back += `<path d="M${n(x - 16)},${n(horizon + 2)} L${n(x - 10)},${n(horizon - 110)} L${n(x + 10)},${n(horizon - 110)} L${n(x + 16)},${n(horizon + 2)} Z" fill="${far('#f2ede4', palette, 0.2)}"/><rect x="${n(x - 13)}" y="${n(horizon - 70)}" width="26" height="14" fill="${far('#c8402e', palette, 0.2)}"/><rect x="${n(x - 14)}" y="${n(horizon - 130)}" width="28" height="20" fill="${scene.timeOfDay === 'night' || scene.timeOfDay === 'dusk' ? '#ffe38a' : far('#444', palette, 0.3)}"/><path d="M${n(x - 18)},${n(horizon - 130)} L${n(x)},${n(horizon - 148)} L${n(x + 18)},${n(horizon - 130)} Z" fill="${far('#3a3a3a', palette, 0.2)}"/>`;
  }
  const sand = lit('#e3cf9e', palette);
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${sand}"/><path d="${ridge(width, height, (xx) => groundY(xx) - 6)}" fill="none" stroke="${lighten(water, 0.6)}" stroke-width="5" opacity="0.7"/>`;
  let front = '';
  for (let index = 0; index < 6; index += 1) {
    const sx = random.between(0, width);
    front += `<ellipse cx="${n(sx)}" cy="${n(groundY(sx) + height * random.between(0.06, 0.14))}" rx="${n(random.between(4, 9))}" ry="3" fill="${darken(sand, 0.15)}"/>`;
  }
  return { back, ground, front, groundY };
}

export function desert(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const groundY = groundLine(context, height * 0.8, height * 0.025);
  let back = '';
  const pyramidX = width * random.between(0.2, 0.4);
  const pyramidSize = height * 0.2;
  back += `<path d="M${n(pyramidX - pyramidSize)},${n(horizon + 8)} L${n(pyramidX)},${n(horizon + 8 - pyramidSize * 0.9)} L${n(pyramidX + pyramidSize)},${n(horizon + 8)} Z" fill="${far('#d9b27a', palette, 0.45)}"/><path d="M${n(pyramidX)},${n(horizon + 8 - pyramidSize * 0.9)} L${n(pyramidX + pyramidSize)},${n(horizon + 8)} L${n(pyramidX + pyramidSize * 0.25)},${n(horizon + 8)} Z" fill="${far('#b88e58', palette, 0.45)}"/>`;
  for (let layer = 0; layer < 3; layer += 1) {
    const depth = 0.55 - layer * 0.22;
    const level = horizon + height * (0.02 + layer * 0.06);
    const phase = random.between(0, 6);
    back += `<path d="${ridge(width, height, (x) => level + Math.sin(x * 0.006 + phase) * height * 0.03 + Math.sin(x * 0.017) * height * 0.008)}" fill="${far(mix('#e7c48a', '#d39a5c', layer / 3), palette, depth)}"/>`;
  }
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit('#e9c88f', palette)}"/>`;
  let front = '';
  for (const [x, size] of [[width * 0.1, height * 0.32], [width * 0.88, height * 0.24]] as const) {
    const cactus = lit(hsl(110, 35, 36), palette);
    const base = groundY(x) + height * 0.16;
    front += `<rect x="${n(x - size * 0.07)}" y="${n(base - size)}" width="${n(size * 0.14)}" height="${n(size)}" rx="${n(size * 0.07)}" fill="${cactus}"/>`;
    front += `<path d="M${n(x - size * 0.05)},${n(base - size * 0.45)} L${n(x - size * 0.24)},${n(base - size * 0.45)} L${n(x - size * 0.24)},${n(base - size * 0.72)}" stroke="${cactus}" stroke-width="${n(size * 0.1)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`;
    front += `<path d="M${n(x + size * 0.05)},${n(base - size * 0.6)} L${n(x + size * 0.2)},${n(base - size * 0.6)} L${n(x + size * 0.2)},${n(base - size * 0.82)}" stroke="${cactus}" stroke-width="${n(size * 0.09)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`;
  }
  front += rock(width * 0.7, groundY(width * 0.7) + height * 0.17, 50, lit('#b08a62', palette));
  return { back, ground, front, groundY };
}

export function space(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const groundY = groundLine(context, height * 0.8, height * 0.02);
  const planetX = width * random.between(0.15, 0.35);
  const planetY = height * random.between(0.2, 0.3);
  const radius = height * 0.12;
  const hue = random.between(0, 360);
  let back = `<defs><radialGradient id="planet" cx="0.35" cy="0.35" r="0.75"><stop offset="0" stop-color="${hsl(hue, 55, 70)}"/><stop offset="1" stop-color="${hsl(hue, 50, 30)}"/></radialGradient></defs>`;
  back += `<ellipse cx="${n(planetX)}" cy="${n(planetY)}" rx="${n(radius * 1.9)}" ry="${n(radius * 0.42)}" fill="none" stroke="${hsl(hue + 40, 40, 75)}" stroke-width="6" opacity="0.7" transform="rotate(-14 ${n(planetX)} ${n(planetY)})"/>`;
  back += `<circle cx="${n(planetX)}" cy="${n(planetY)}" r="${n(radius)}" fill="url(#planet)"/>`;
  back += `<path d="M${n(planetX - radius * 1.9)},${n(planetY + 8)} A${n(radius * 1.9)},${n(radius * 0.42)} 0 0 0 ${n(planetX + radius * 1.9)},${n(planetY - 8)}" fill="none" stroke="${hsl(hue + 40, 40, 75)}" stroke-width="6" opacity="0.8" transform="rotate(-14 ${n(planetX)} ${n(planetY)})"/>`;
  back += `<circle cx="${n(width * 0.82)}" cy="${n(height * 0.14)}" r="${n(radius * 0.3)}" fill="${hsl(hue + 160, 40, 60)}"/>`;
  // A distant station or rocket.
  const sx = width * random.between(0.62, 0.78);
  back += `<g opacity="0.85"><rect x="${n(sx - 50)}" y="${n(horizon - 60)}" width="100" height="10" rx="5" fill="#9aa6b8"/><circle cx="${n(sx)}" cy="${n(horizon - 55)}" r="22" fill="#c9d2de"/><rect x="${n(sx - 90)}" y="${n(horizon - 70)}" width="30" height="30" fill="#4a6fa5"/><rect x="${n(sx + 60)}" y="${n(horizon - 70)}" width="30" height="30" fill="#4a6fa5"/></g>`;
  const surface = lit('#9b97a8', { ...palette, light: 0.7 });
  let ground = `<path d="${ridge(width, height, groundY)}" fill="${surface}"/>`;
  for (let index = 0; index < 7; index += 1) {
    const x = random.between(0, width);
    const y = groundY(x) + height * random.between(0.05, 0.18);
    const r = random.between(12, 34);
    ground += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r)}" ry="${n(r * 0.32)}" fill="${darken(surface, 0.2)}"/><ellipse cx="${n(x)}" cy="${n(y + r * 0.06)}" rx="${n(r * 0.8)}" ry="${n(r * 0.22)}" fill="${darken(surface, 0.05)}"/>`;
  }
  return { back, ground, front: rock(width * 0.93, height * 0.98, 90, darken(surface, 0.15)), groundY };
}

export function cave(context: DrawContext): Backdrop {
  const { width, height, random, palette } = context;
  const groundY = groundLine(context, height * 0.8, height * 0.01);
  const rockColor = lit('#5e4b3c', { ...palette, light: Math.min(palette.light, 0.6) });
  // The way out: an arch of daylight (or night) at the back, framed by rock.
  const mouthX = width * random.between(0.4, 0.6);
  const mouth = `M${n(mouthX - width * 0.17)},${n(height * 0.72)} Q${n(mouthX - width * 0.18)},${n(height * 0.2)} ${n(mouthX)},${n(height * 0.18)} Q${n(mouthX + width * 0.19)},${n(height * 0.2)} ${n(mouthX + width * 0.17)},${n(height * 0.72)} Z`;
  let back = `<defs><mask id="cave-mouth"><rect width="${width}" height="${height}" fill="white"/><path d="${mouth}" fill="black"/></mask></defs>`;
  back += hills(context, hsl(120, 25, 45), 2, height * 0.55);
  back += `<rect width="${width}" height="${height}" fill="${rockColor}" mask="url(#cave-mouth)"/>`;
  back += `<path d="${mouth}" fill="none" stroke="${darken(rockColor, 0.35)}" stroke-width="14"/>`;
  for (let index = 0; index < 14; index += 1) {
    const x = random.between(0, width);
    const length = random.between(height * 0.06, height * 0.2);
    back += `<path d="M${n(x - 14)},0 L${n(x)},${n(length)} L${n(x + 14)},0 Z" fill="${darken(rockColor, random.between(0.05, 0.3))}"/>`;
  }
  const crystal = hsl(random.pick([190, 280, 320]), 70, 65);
  let front = '';
  for (const baseX of [width * 0.1, width * 0.86]) {
    front += `<circle cx="${n(baseX)}" cy="${n(height * 0.88)}" r="90" fill="${crystal}" opacity="0.18"/>`;
    for (let index = 0; index < 4; index += 1) {
      const x = baseX + (index - 1.5) * 16;
      const tall = random.between(40, 90);
      front += `<path d="M${n(x - 9)},${n(height * 0.95)} L${n(x - 6)},${n(height * 0.95 - tall)} L${n(x)},${n(height * 0.95 - tall - 14)} L${n(x + 6)},${n(height * 0.95 - tall)} L${n(x + 9)},${n(height * 0.95)} Z" fill="${crystal}" stroke="${lighten(crystal, 0.5)}" stroke-width="1.5" transform="rotate(${n((index - 1.5) * 9)} ${n(x)} ${n(height * 0.95)})"/>`;
    }
  }
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${darken(rockColor, 0.1)}"/>`;
  return { back, ground, front, groundY };
}

export function swamp(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const groundY = groundLine(context, height * 0.82, height * 0.01);
  let back = hills(context, hsl(140, 18, 36), 2, horizon - height * 0.05);
  back += `<rect x="0" y="${n(horizon + height * 0.08)}" width="${width}" height="${n(height)}" fill="${lit('#4f6b5a', palette)}"/>`;
  for (let index = 0; index < 5; index += 1) {
    const x = random.between(0, width);
    const base = horizon + height * random.between(0.08, 0.14);
    const trunk = far('#3b3a2e', palette, 0.35);
    back += `<path d="M${n(x - 8)},${n(base)} L${n(x - 3)},${n(base - height * 0.28)} L${n(x + 3)},${n(base - height * 0.28)} L${n(x + 8)},${n(base)} Z" fill="${trunk}"/><path d="M${n(x)},${n(base - height * 0.2)} Q${n(x + 30)},${n(base - height * 0.3)} ${n(x + 46)},${n(base - height * 0.26)} M${n(x)},${n(base - height * 0.24)} Q${n(x - 26)},${n(base - height * 0.34)} ${n(x - 40)},${n(base - height * 0.3)}" stroke="${trunk}" stroke-width="4" fill="none"/>`;
  }
  for (let index = 0; index < 7; index += 1) {
    const x = random.between(0, width);
    const y = horizon + height * random.between(0.12, 0.2);
    back += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="16" ry="5" fill="${lit(hsl(110, 40, 38), palette)}"/>`;
  }
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit(hsl(75, 25, 32), palette)}"/>`;
  let front = '';
  for (let index = 0; index < 18; index += 1) {
    const x = random.between(0, width);
    front += tuft(x, height * random.between(0.9, 1.0), random.between(30, 60), lit(hsl(70, 30, 30), palette), random);
  }
  front += conifer(width * 0.03, height * 1.02, height * 0.5, lit(hsl(160, 15, 20), palette), random);
  return { back, ground, front, groundY };
}
