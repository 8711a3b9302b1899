import { darken, hsl, mix } from './color';
import type { Backdrop, DrawContext } from './context';
import { far, lit } from './palette';
import { conifer, cottage, flower, rock, roundTree, tuft } from './shapes';
import { n, ridge } from './svg';

/** Rolling ground: a gentle wave around `level`, different for each scene. */
export function groundLine(context: DrawContext, level: number, amplitude: number): (x: number) => number {
  const phase = context.random.between(0, Math.PI * 2);
  const wavelength = context.random.between(0.9, 1.4) * context.width;
  return (x) => level + Math.sin((x / wavelength) * Math.PI * 2 + phase) * amplitude;
}

/** Distant hills in `layers` bands, each fainter than the one before it. */
export function hills(context: DrawContext, color: string, layers: number, top: number): string {
  const { width, height, random, palette } = context;
  let body = '';
  for (let layer = 0; layer < layers; layer += 1) {
    const depth = 1 - layer / layers;
    const level = top + layer * height * 0.045;
    const amplitude = height * random.between(0.02, 0.05);
    const phase = random.between(0, 6);
    const wave = random.between(0.003, 0.007);
    body += `<path d="${ridge(width, height, (x) => level + Math.sin(x * wave + phase) * amplitude + Math.sin(x * wave * 2.7) * amplitude * 0.3)}" fill="${far(color, palette, depth * 0.75)}"/>`;
  }
  return body;
}

function grassFront(context: DrawContext, groundY: (x: number) => number, grass: string, flowers: boolean): string {
  const { width, height, random, palette } = context;
  let front = '';
  for (let index = 0; index < 14; index += 1) {
    const x = random.between(0, width);
    front += tuft(x, groundY(x) + random.between(height * 0.08, height * 0.26), random.between(14, 26), lit(darken(grass, 0.15), palette), random);
  }
  if (flowers) {
    const petals = [hsl(350, 70, 70), hsl(45, 90, 65), hsl(280, 50, 72), '#ffffff'];
    for (let index = 0; index < 9; index += 1) {
      const x = random.between(0, width);
      front += flower(x, groundY(x) + random.between(height * 0.1, height * 0.25), random.between(5, 8), lit(random.pick(petals), palette), lit(darken(grass, 0.2), palette));
    }
  }
  return front;
}

export function forest(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const green = hsl(135, 35, 32);
  const groundY = groundLine(context, height * 0.8, height * 0.015);
  let back = hills(context, hsl(150, 25, 40), 2, horizon - height * 0.08);
  for (let row = 0; row < 3; row += 1) {
    const depth = 0.72 - row * 0.26;
    const count = 16 - row * 4;
    for (let index = 0; index < count; index += 1) {
      const x = ((index + random.between(0, 0.8)) / count) * width;
      const size = height * (0.22 + row * 0.12) * random.between(0.85, 1.15);
      const base = horizon + height * (0.02 + row * 0.07);
      back += row === 2 && index % 3 === 1 ? roundTree(x, base, size * 0.9, far(hsl(110, 40, 36), palette, depth), random) : conifer(x, base, size, far(darken(green, row * 0.05), palette, depth), random);
    }
  }
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit(hsl(95, 38, 38), palette)}"/>`;
  let front = grassFront(context, groundY, hsl(95, 45, 40), false);
  front += conifer(width * 0.04, height * 1.02, height * 0.75, lit(darken(green, 0.25), palette), random);
  front += roundTree(width * 0.97, height * 1.02, height * 0.62, lit(hsl(120, 35, 26), palette), random);
  for (let index = 0; index < 3; index += 1) {
    const x = random.between(width * 0.15, width * 0.85);
    const y = groundY(x) + random.between(height * 0.12, height * 0.18);
    front += `<rect x="${n(x - 2)}" y="${n(y - 10)}" width="4" height="10" fill="${lit('#efe6d6', palette)}"/><path d="M${n(x - 9)},${n(y - 9)} Q${n(x)},${n(y - 22)} ${n(x + 9)},${n(y - 9)} Z" fill="${lit('#c8402e', palette)}"/>`;
  }
  return { back, ground, front, groundY };
}

export function meadow(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const groundY = groundLine(context, height * 0.78, height * 0.02);
  let back = hills(context, hsl(100, 35, 48), 3, horizon - height * 0.05);
  back += roundTree(width * random.between(0.12, 0.3), horizon + height * 0.06, height * 0.3, far(hsl(105, 40, 34), palette, 0.35), random);
  // A fence along the middle distance.
  const fenceY = horizon + height * 0.1;
  let fence = '';
  for (let x = width * 0.55; x < width; x += 38) fence += `<rect x="${n(x)}" y="${n(fenceY - 30)}" width="6" height="32" fill="${far('#8a6a48', palette, 0.3)}"/>`;
  back += `${fence}<path d="M${n(width * 0.55)},${n(fenceY - 22)} L${n(width)},${n(fenceY - 22)} M${n(width * 0.55)},${n(fenceY - 10)} L${n(width)},${n(fenceY - 10)}" stroke="${far('#8a6a48', palette, 0.3)}" stroke-width="4"/>`;
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit(hsl(92, 45, 46), palette)}"/>`;
  return { back, ground, front: grassFront(context, groundY, hsl(92, 50, 44), true), groundY };
}

export function village(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette, scene } = context;
  const groundY = groundLine(context, height * 0.8, height * 0.01);
  let back = hills(context, hsl(95, 30, 45), 2, horizon - height * 0.08);
  const lightWindow = scene.timeOfDay === 'night' || scene.timeOfDay === 'dusk' ? '#ffd66b' : lit('#9fc3d6', palette);
  const walls = ['#e8d9bd', '#d9c7a5', '#f0e4cc', '#cdb99a'];
  const roofs = ['#a44a3a', '#7a5a44', '#5f6f7c', '#b86b3a'];
  const count = 5;
  for (let index = 0; index < count; index += 1) {
    const x = ((index + 0.5) / count) * width + random.between(-30, 30);
    const size = width * random.between(0.11, 0.15);
    back += cottage(x, horizon + height * 0.1 + random.between(-6, 6), size, far(random.pick(walls), palette, 0.22), far(random.pick(roofs), palette, 0.22), lightWindow, random);
  }
  const path = `M${n(width * 0.42)},${n(height)} Q${n(width * 0.48)},${n(horizon + height * 0.2)} ${n(width * 0.5)},${n(horizon + height * 0.11)} Q${n(width * 0.53)},${n(horizon + height * 0.2)} ${n(width * 0.62)},${n(height)} Z`;
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit(hsl(88, 35, 44), palette)}"/><path d="${path}" fill="${lit('#cdb48c', palette)}"/>`;
  let front = grassFront(context, groundY, hsl(88, 40, 40), true);
  // A well at the side.
  const wellX = width * 0.9;
  const wellY = groundY(wellX) + height * 0.12;
  front += `<rect x="${n(wellX - 30)}" y="${n(wellY - 40)}" width="60" height="40" rx="6" fill="${lit('#9a8f84', palette)}"/><rect x="${n(wellX - 30)}" y="${n(wellY - 100)}" width="6" height="62" fill="${lit('#6e4f35', palette)}"/><rect x="${n(wellX + 24)}" y="${n(wellY - 100)}" width="6" height="62" fill="${lit('#6e4f35', palette)}"/><path d="M${n(wellX - 42)},${n(wellY - 96)} L${n(wellX)},${n(wellY - 125)} L${n(wellX + 42)},${n(wellY - 96)} Z" fill="${lit('#a44a3a', palette)}"/>`;
  return { back, ground, front, groundY };
}

export function mountains(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const groundY = groundLine(context, height * 0.8, height * 0.025);
  let back = '';
  for (let layer = 0; layer < 3; layer += 1) {
    const depth = 0.75 - layer * 0.28;
    const rock = far(mix('#6c6f86', '#5b4e44', layer / 3), palette, depth);
    const peaks = 3 + layer;
    for (let index = 0; index < peaks; index += 1) {
      const x = ((index + random.between(0.1, 0.9)) / peaks) * width;
      const peakHeight = height * (0.42 - layer * 0.08) * random.between(0.8, 1.15);
      const base = horizon + height * (0.05 + layer * 0.06);
      const half = peakHeight * random.between(0.85, 1.2);
      const top = base - peakHeight;
      back += `<path d="M${n(x - half)},${n(base)} L${n(x - half * 0.15)},${n(top + peakHeight * 0.05)} L${n(x)},${n(top)} L${n(x + half * 0.2)},${n(top + peakHeight * 0.08)} L${n(x + half)},${n(base)} Z" fill="${rock}"/>`;
      // The shaded flank and the snow cap.
      back += `<path d="M${n(x)},${n(top)} L${n(x + half * 0.2)},${n(top + peakHeight * 0.08)} L${n(x + half)},${n(base)} L${n(x + half * 0.1)},${n(base)} Z" fill="${darken(rock, 0.12)}"/>`;
      back += `<path d="M${n(x)},${n(top)} L${n(x + half * 0.2)},${n(top + peakHeight * 0.08)} L${n(x + half * 0.26)},${n(top + peakHeight * 0.24)} L${n(x + half * 0.05)},${n(top + peakHeight * 0.18)} L${n(x - half * 0.12)},${n(top + peakHeight * 0.26)} L${n(x - half * 0.15)},${n(top + peakHeight * 0.05)} Z" fill="${far('#f4f6fb', palette, depth * 0.6)}"/>`;
    }
  }
  for (let index = 0; index < 9; index += 1) {
    const x = random.between(0, width);
    back += conifer(x, horizon + height * 0.19, height * random.between(0.12, 0.18), far(hsl(150, 30, 26), palette, 0.25), random);
  }
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit(hsl(80, 25, 42), palette)}"/>`;
  let front = grassFront(context, groundY, hsl(80, 30, 38), false);
  front += rock(width * 0.1, height * 0.98, width * 0.14, lit('#7f7a74', palette)) + rock(width * 0.86, height * 0.97, width * 0.1, lit('#8a847c', palette));
  return { back, ground, front, groundY };
}

export function castle(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette, scene } = context;
  const groundY = groundLine(context, height * 0.8, height * 0.015);
  let back = hills(context, hsl(110, 28, 44), 2, horizon - height * 0.04);
  const hillTop = horizon - height * 0.02;
  const cx = width * random.between(0.58, 0.7);
  back += `<path d="M${n(cx - width * 0.36)},${n(horizon + height * 0.16)} Q${n(cx)},${n(hillTop - height * 0.04)} ${n(cx + width * 0.36)},${n(horizon + height * 0.16)} Z" fill="${far(hsl(100, 30, 40), palette, 0.3)}"/>`;
  const stone = far('#b9ad9c', palette, 0.25);
  const shade = darken(stone, 0.15);
  const roof = far('#5b4f8a', palette, 0.2);
  const windowLight = scene.timeOfDay === 'night' || scene.timeOfDay === 'dusk' ? '#ffd66b' : darken(stone, 0.5);
  const wallTop = hillTop - height * 0.14;
  const wallWidth = width * 0.26;
  let keep = `<rect x="${n(cx - wallWidth / 2)}" y="${n(wallTop)}" width="${n(wallWidth)}" height="${n(height * 0.16)}" fill="${stone}"/>`;
  for (let x = cx - wallWidth / 2; x < cx + wallWidth / 2 - 4; x += 16) keep += `<rect x="${n(x)}" y="${n(wallTop - 10)}" width="10" height="11" fill="${stone}"/>`;
  keep += `<path d="M${n(cx - 18)},${n(wallTop + height * 0.16)} L${n(cx - 18)},${n(wallTop + height * 0.07)} Q${n(cx)},${n(wallTop + height * 0.04)} ${n(cx + 18)},${n(wallTop + height * 0.07)} L${n(cx + 18)},${n(wallTop + height * 0.16)} Z" fill="${darken(stone, 0.55)}"/>`;
  const towers = [
    [cx - wallWidth / 2, height * 0.3, 0.09],
    [cx + wallWidth / 2, height * 0.26, 0.085],
    [cx - wallWidth * 0.12, height * 0.4, 0.1],
  ] as const;
  for (const [x, towerHeight, relative] of towers) {
    const towerWidth = width * relative * 0.6;
    const top = hillTop - towerHeight;
    keep += `<rect x="${n(x - towerWidth / 2)}" y="${n(top)}" width="${n(towerWidth)}" height="${n(towerHeight)}" fill="${stone}"/>`;
    keep += `<rect x="${n(x + towerWidth * 0.2)}" y="${n(top)}" width="${n(towerWidth * 0.3)}" height="${n(towerHeight)}" fill="${shade}"/>`;
    keep += `<path d="M${n(x - towerWidth * 0.62)},${n(top)} L${n(x)},${n(top - towerWidth * 1.3)} L${n(x + towerWidth * 0.62)},${n(top)} Z" fill="${roof}"/>`;
    keep += `<path d="M${n(x)},${n(top - towerWidth * 1.3)} L${n(x)},${n(top - towerWidth * 1.8)}" stroke="${darken(stone, 0.5)}" stroke-width="2"/><path d="M${n(x)},${n(top - towerWidth * 1.8)} L${n(x + towerWidth * 0.55)},${n(top - towerWidth * 1.65)} L${n(x)},${n(top - towerWidth * 1.5)} Z" fill="${far('#c8402e', palette, 0.15)}"/>`;
    keep += `<rect x="${n(x - towerWidth * 0.12)}" y="${n(top + towerHeight * 0.25)}" width="${n(towerWidth * 0.24)}" height="${n(towerWidth * 0.4)}" rx="${n(towerWidth * 0.12)}" fill="${windowLight}"/>`;
  }
  back += keep;
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit(hsl(95, 35, 40), palette)}"/>`;
  return { back, ground, front: grassFront(context, groundY, hsl(95, 40, 36), true), groundY };
}

export function snow(context: DrawContext): Backdrop {
  const { width, height, horizon, random, palette } = context;
  const groundY = groundLine(context, height * 0.79, height * 0.02);
  let back = hills(context, '#dfe8f2', 3, horizon - height * 0.07);
  for (let index = 0; index < 12; index += 1) {
    const x = random.between(0, width);
    back += conifer(x, horizon + height * random.between(0.06, 0.14), height * random.between(0.14, 0.24), far(hsl(170, 30, 24), palette, 0.3), random, true);
  }
  const ground = `<path d="${ridge(width, height, groundY)}" fill="${lit('#eef3f9', palette)}"/><path d="${ridge(width, height, (x) => groundY(x) + height * 0.1)}" fill="${lit('#dbe5f0', palette)}"/>`;
  let front = conifer(width * 0.05, height * 1.02, height * 0.7, lit(hsl(170, 30, 20), palette), random, true);
  front += conifer(width * 0.95, height * 1.02, height * 0.6, lit(hsl(170, 30, 22), palette), random, true);
  for (let index = 0; index < 5; index += 1) {
    const x = random.between(width * 0.1, width * 0.9);
    front += `<ellipse cx="${n(x)}" cy="${n(groundY(x) + height * random.between(0.12, 0.2))}" rx="${n(random.between(20, 40))}" ry="6" fill="${lit('#c9d7e6', palette)}"/>`;
  }
  return { back, ground, front, groundY };
}

