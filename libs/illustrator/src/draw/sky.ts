import { lighten, mix } from './color';
import type { DrawContext } from './context';
import { n } from './svg';

/** Sky gradient, sun or moon with its glow, stars at night, and clouds. */
export function drawSky(context: DrawContext): { defs: string; body: string } {
  const { width, height, horizon, palette, random, scene } = context;
  const night = scene.setting === 'space' || scene.timeOfDay === 'night';
  const defs = `
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${palette.skyTop}"/>
      <stop offset="${n(horizon / height)}" stop-color="${palette.skyHorizon}"/>
      <stop offset="1" stop-color="${palette.skyHorizon}"/>
    </linearGradient>
    <radialGradient id="glow">
      <stop offset="0" stop-color="${palette.sun}" stop-opacity="0.9"/>
      <stop offset="0.25" stop-color="${palette.sun}" stop-opacity="0.45"/>
      <stop offset="1" stop-color="${palette.sun}" stop-opacity="0"/>
    </radialGradient>`;
  let body = `<rect width="${width}" height="${height}" fill="url(#sky)"/>`;
  if (night) body += stars(context);
  const position = {
    dawn: [width * 0.78, horizon - height * 0.06],
    day: [width * 0.74, height * 0.16],
    dusk: [width * 0.22, horizon - height * 0.05],
    night: [width * 0.8, height * 0.15],
  }[night ? 'night' : scene.timeOfDay] as [number, number];
  const radius = height * (night ? 0.05 : 0.065);
  const hidden = scene.weather === 'storm' || scene.weather === 'rain';
  if (!hidden) {
    body += `<circle cx="${n(position[0])}" cy="${n(position[1])}" r="${n(radius * 5)}" fill="url(#glow)"/>`;
    const [x, y] = position;
    body += night
      ? // A crescent between two arcs, so the glow behind it shows through its dark side.
        `<path d="M${n(x)},${n(y - radius)} A${n(radius)},${n(radius)} 0 1 0 ${n(x)},${n(y + radius)} A${n(radius * 0.72)},${n(radius)} 0 1 1 ${n(x)},${n(y - radius)} Z" fill="${lighten(palette.sun, 0.3)}"/>`
      : `<circle cx="${n(x)}" cy="${n(y)}" r="${n(radius)}" fill="${lighten(palette.sun, 0.3)}"/>`;
  }
  body += clouds(context, random.between(2, 4) + (hidden ? 3 : 0), night);
  return { defs, body };
}

function stars(context: DrawContext): string {
  const { width, horizon, random, scene } = context;
  const count = scene.setting === 'space' ? 140 : 70;
  let body = '';
  for (let index = 0; index < count; index += 1) {
    const x = random.between(0, width);
    const y = random.between(0, horizon * (scene.setting === 'space' ? 1.6 : 0.95));
    const size = random.next() < 0.08 ? random.between(1.8, 2.6) : random.between(0.6, 1.4);
    body += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size)}" fill="#fffbe6" opacity="${n(random.between(0.5, 1))}"/>`;
    if (size > 2) body += `<path d="M${n(x - size * 3)},${n(y)} L${n(x + size * 3)},${n(y)} M${n(x)},${n(y - size * 3)} L${n(x)},${n(y + size * 3)}" stroke="#fffbe6" stroke-width="0.8" opacity="0.6"/>`;
  }
  return body;
}

function clouds(context: DrawContext, count: number, night: boolean): string {
  const { width, horizon, palette, random, scene } = context;
  if (scene.setting === 'space' || scene.setting === 'cave') return '';
  const overcast = scene.weather === 'storm' || scene.weather === 'rain';
  const base = night ? mix(palette.skyTop, '#8a93b8', 0.35) : overcast ? '#8c939c' : '#ffffff';
  let body = '';
  for (let index = 0; index < count; index += 1) {
    const cx = random.between(-40, width + 40);
    const cy = random.between(horizon * 0.12, horizon * 0.62);
    const size = random.between(40, 80) * (overcast ? 1.6 : 1);
    const puffs = Array.from({ length: 5 }, (_, puff) => {
      const dx = (puff - 2) * size * 0.55;
      const r = size * (puff === 2 ? 0.62 : puff % 2 ? 0.5 : 0.38);
      return `<circle cx="${n(cx + dx)}" cy="${n(cy - r * 0.3)}" r="${n(r)}"/>`;
    }).join('');
    const shade = mix(base, palette.skyHorizon, 0.25);
    body += `<g opacity="${n(night ? 0.55 : 0.92)}"><g fill="${shade}" transform="translate(0,${n(size * 0.12)})">${puffs}</g><g fill="${base}">${puffs}</g><ellipse cx="${n(cx)}" cy="${n(cy + size * 0.05)}" rx="${n(size * 1.5)}" ry="${n(size * 0.28)}" fill="${base}"/></g>`;
  }
  return body;
}
