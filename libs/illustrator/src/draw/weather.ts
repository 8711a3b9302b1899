import type { DrawContext } from './context';
import { n } from './svg';

/** Rain, snow, fog or a storm laid over the scene. */
export function drawWeather(context: DrawContext): string {
  const { width, height, random, scene, palette } = context;
  switch (scene.weather) {
    case 'rain':
    case 'storm': {
      let drops = '';
      for (let index = 0; index < 160; index += 1) {
        const x = random.between(-40, width);
        const y = random.between(0, height);
        const length = random.between(14, 26);
        drops += `<path d="M${n(x)},${n(y)} l${n(length * 0.3)},${n(length)}" stroke="#dfe8f2" stroke-width="1.3" opacity="${n(random.between(0.35, 0.7))}"/>`;
      }
      if (scene.weather === 'storm') {
        const x = random.between(width * 0.2, width * 0.8);
        drops += `<path d="M${n(x)},0 L${n(x - 18)},${n(height * 0.18)} L${n(x + 6)},${n(height * 0.19)} L${n(x - 22)},${n(height * 0.4)}" stroke="#fffbd0" stroke-width="4" fill="none" stroke-linejoin="bevel"/>`;
      }
      return drops;
    }
    case 'snow': {
      let flakes = '';
      for (let index = 0; index < 120; index += 1) flakes += `<circle cx="${n(random.between(0, width))}" cy="${n(random.between(0, height))}" r="${n(random.between(1.5, 4))}" fill="#ffffff" opacity="${n(random.between(0.6, 0.95))}"/>`;
      return flakes;
    }
    case 'fog':
      return Array.from({ length: 5 }, (_, index) => `<rect x="-20" y="${n(height * (0.35 + index * 0.12))}" width="${width + 40}" height="${n(height * 0.09)}" rx="40" fill="${palette.haze}" opacity="0.35"/>`).join('');
    default:
      return '';
  }
}
