import { describe, expect, it } from 'vitest';
import { contrastRatio, INK, textColorOn, WHITE, withContrast } from './contrast.ts';

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(['#14213d', '#0f766e', '#ffcc00', '#ffffff', '#e11d48', '#7dd3fc', '#808080', '#777777', '#000000'])(
    'picks a text colour on %s that meets AA (4.5:1) when one exists',
    (bg) => {
      const fg = textColorOn(bg);
      expect([WHITE, INK, '#000000']).toContain(fg);
      expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('darkens a light accent until it reads on white, and keeps one that already does', () => {
    const fixed = withContrast('#7dd3fc', WHITE);
    expect(contrastRatio(fixed, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(fixed).not.toBe('#7dd3fc');
    expect(withContrast('#0f766e', WHITE)).toBe('#0f766e');
  });
});
