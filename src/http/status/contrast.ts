// WCAG 2 contrast, for brand colours chosen by an agency: text on a brand colour must stay readable.

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  const n = m ? Number.parseInt(m[1] as string, 16) : 0;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2.x). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const WHITE = '#ffffff';
export const INK = '#111827';

/**
 * Text colour for a background: white or near-black, whichever contrasts more; pure black when
 * near-black falls short of 4.5:1 (mid greys). Black or white always reaches 4.5:1 on some side.
 */
export function textColorOn(background: string): string {
  const best = (colors: string[]) =>
    colors.reduce((a, b) => (contrastRatio(b, background) > contrastRatio(a, background) ? b : a));
  const passing = [WHITE, INK].filter((c) => contrastRatio(c, background) >= 4.5);
  return passing.length > 0 ? best(passing) : best([WHITE, '#000000']);
}

/**
 * The colour moved towards black (or white) just enough to reach `minRatio` against `against`:
 * a light accent still works as link colour on a white page, keeping its hue.
 */
export function withContrast(color: string, against: string, minRatio = 4.5): string {
  if (contrastRatio(color, against) >= minRatio) return color;
  const towards: Rgb = luminance(against) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  const rgb = parseHex(color);
  for (let step = 1; step <= 20; step++) {
    const f = step / 20;
    const mixed = toHex(rgb.map((v, i) => v + ((towards[i] as number) - v) * f) as Rgb);
    if (contrastRatio(mixed, against) >= minRatio) return mixed;
  }
  return toHex(towards);
}
