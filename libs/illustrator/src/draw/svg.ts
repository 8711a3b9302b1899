/** Rounds coordinates so the SVG stays small and stable. */
export const n = (value: number): string => String(Math.round(value * 10) / 10);

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A closed path through the points, smoothed with quadratic curves through the midpoints. */
export function smoothPath(points: readonly [number, number][], close = true): string {
  if (points.length < 3) return '';
  const mid = (a: [number, number], b: [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const first = mid(points[0]!, points[1]!);
  let path = `M${n(first[0])},${n(first[1])}`;
  for (let index = 1; index < points.length; index += 1) {
    const point = points[index]!;
    const next = points[(index + 1) % points.length]!;
    if (!close && index === points.length - 1) {
      path += ` L${n(point[0])},${n(point[1])}`;
      break;
    }
    const end = mid(point, next);
    path += ` Q${n(point[0])},${n(point[1])} ${n(end[0])},${n(end[1])}`;
  }
  return close ? `${path} Z` : path;
}

/** A ridge line across the width, filled down to `bottom`: hills, dunes, waves. */
export function ridge(width: number, bottom: number, heightAt: (x: number) => number, step = 16): string {
  const points: string[] = [];
  for (let x = -step; x <= width + step; x += step) points.push(`${n(x)},${n(heightAt(x))}`);
  return `M${n(-step)},${n(bottom)} L${points.join(' L')} L${n(width + step)},${n(bottom)} Z`;
}
