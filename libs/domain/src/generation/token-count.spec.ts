import { ASCII_CHARS_PER_TOKEN, EstimatingTokenCounter, estimateTokens } from './token-count';

describe('the token estimate for unknown tokenizers', () => {
  it('counts English at the densest common rate', () => {
    const sentence = 'The wind rose over the bay. Ada held the rail and climbed on.';
    expect(estimateTokens(sentence)).toBe(Math.ceil(sentence.length / ASCII_CHARS_PER_TOKEN));
  });

  it('counts characters outside ASCII as the bytes they take, so Chinese weighs about two tokens a character', () => {
    expect(estimateTokens('风从海湾上吹来')).toBe(14);
    expect(estimateTokens('café')).toBeGreaterThan(estimateTokens('cafe'));
  });

  it('corrects an under-count at once, from what the server reported', () => {
    const counter = new EstimatingTokenCounter();
    const before = counter.count('x'.repeat(3200));
    counter.calibrate(before, before * 1.3);
    expect(counter.count('x'.repeat(3200))).toBeGreaterThanOrEqual(Math.round(before * 1.3));
  });

  it('gives up an over-count only slowly, keeping a tenth in hand, and never beyond its bounds', () => {
    const counter = new EstimatingTokenCounter();
    counter.calibrate(1000, 500);
    expect(counter.calibration).toBeCloseTo(0.91);
    const steady = new EstimatingTokenCounter();
    steady.calibrate(1000, 950);
    expect(steady.calibration).toBe(1);
    for (let i = 0; i < 50; i++) counter.calibrate(counter.count('x'.repeat(3200)), 1);
    expect(counter.calibration).toBe(0.5);
    counter.calibrate(0, 100);
    expect(counter.calibration).toBe(0.5);
  });
});
